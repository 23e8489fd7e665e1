package io.lightswitch.workflow.domain.reaction;

import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.persistence.KnownEnvironments;
import io.lightswitch.workflow.persistence.RuleStore;
import io.lightswitch.workflow.persistence.StoredRule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Gives every environment its default guard rule (docs/default-guard-rule.md) the first time a message names
 * it, in that message's transaction, so the message that reveals an environment is already judged by the
 * guard. Only the first sighting creates it: a guard a user deleted stays deleted, one they changed stays
 * changed. Its id is {@link DefaultGuardRule#idFor}, so replicas racing on the first sighting make one rule.
 */
@ApplicationScoped
public class DefaultGuards {

    private final KnownEnvironments environments;
    private final RuleStore rules;

    public DefaultGuards(KnownEnvironments environments, RuleStore rules) {
        this.environments = environments;
        this.rules = rules;
    }

    Uni<Void> ensure(SqlClient client, String project, String environment, Effects effects) {
        if (project == null || environment == null) {
            return Uni.createFrom().voidItem();
        }
        return environments.firstSighting(client, project, environment).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            StoredRule guard = new StoredRule(DefaultGuardRule.forEnvironment(project, environment), true, 1, now,
                    now);
            return rules.insertIfAbsent(client, guard).invoke(created -> effects.guardCreated = created)
                    .replaceWithVoid();
        });
    }
}
