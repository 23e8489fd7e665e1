package io.lightswitch.workflow.domain;

import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Trigger;
import io.lightswitch.workflow.domain.validation.FieldError;
import io.lightswitch.workflow.domain.validation.RuleValidator;
import io.lightswitch.workflow.persistence.RuleStore;
import io.lightswitch.workflow.persistence.StoredRule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of an environment, as the API manages them. Every write is checked by {@link RuleValidator}
 * first; updates and deletes may name the version they expect, and lose to a concurrent write with a 409
 * rather than overwrite it.
 */
@ApplicationScoped
public class RuleService {

    private final Pool pool;
    private final RuleStore rules;

    public RuleService(Pool pool, RuleStore rules) {
        this.pool = pool;
        this.rules = rules;
    }

    /**
     * @param draft      the rule as received; its id is ignored and a new one assigned
     * @param keepSecret positions of webhook actions asking to keep a stored secret, which a new rule has not
     */
    public Uni<StoredRule> create(Rule draft, Set<Integer> keepSecret) {
        Rule rule = withId(draft, UUID.randomUUID().toString());
        List<FieldError> errors = new ArrayList<>();
        keepSecret.stream().sorted().forEach(index -> errors.add(new FieldError("actions[" + index + "].secret",
                "a new rule has no stored secret to keep: give one, or leave signed out")));
        validate(rule, errors);
        Instant now = Instant.now();
        StoredRule stored = new StoredRule(rule, false, 1, now, now);
        return rules.insertIfAbsent(pool, stored).replaceWith(stored);
    }

    public Uni<List<StoredRule>> list(String project, String environment, Trigger trigger) {
        return rules.list(pool, project, environment, trigger);
    }

    public Uni<StoredRule> get(String project, String environment, String id) {
        return rules.find(pool, project, environment, id).onItem().ifNull()
                .failWith(() -> new NotFoundException("rule", id));
    }

    /**
     * @param keepSecret      positions of webhook actions that keep the secret stored for the same position
     * @param expectedVersion the version the caller read, or null to overwrite whatever is stored
     */
    public Uni<StoredRule> update(String id, Rule draft, Set<Integer> keepSecret, Long expectedVersion) {
        String project = draft.scope().project();
        String environment = draft.scope().environment();
        return pool.withTransaction(connection -> rules.find(connection, project, environment, id).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(new NotFoundException("rule", id));
            }
            long expected = expectedVersion != null ? expectedVersion : current.version();
            if (expected != current.version()) {
                return Uni.createFrom().failure(stale(id, expected, current.version()));
            }
            List<FieldError> errors = new ArrayList<>();
            Rule rule = keepingSecrets(withId(draft, id), current.rule(), keepSecret, errors);
            validate(rule, errors);
            return rules.update(connection, rule, expected, Instant.now()).onItem().ifNull()
                    .failWith(() -> new ConflictException("rule '" + id + "' was changed concurrently; read it"
                            + " again"));
        }));
    }

    public Uni<Void> delete(String project, String environment, String id, Long expectedVersion) {
        return pool.withTransaction(connection -> rules.find(connection, project, environment, id).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(new NotFoundException("rule", id));
            }
            if (expectedVersion != null && expectedVersion != current.version()) {
                return Uni.createFrom().failure(stale(id, expectedVersion, current.version()));
            }
            return rules.delete(connection, project, environment, id).replaceWithVoid();
        }));
    }

    private static ConflictException stale(String id, long expected, long current) {
        return new ConflictException("rule '" + id + "' is at version " + current + ", not " + expected
                + "; read it again");
    }

    private static void validate(Rule rule, List<FieldError> earlier) {
        List<FieldError> errors = new ArrayList<>(earlier);
        errors.addAll(RuleValidator.validate(rule));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Puts the stored secret back into each webhook action that asked to keep it. */
    private static Rule keepingSecrets(Rule rule, Rule stored, Set<Integer> keepSecret, List<FieldError> errors) {
        if (keepSecret.isEmpty()) {
            return rule;
        }
        List<Action> actions = new ArrayList<>(rule.actions());
        for (int index : keepSecret.stream().sorted().toList()) {
            Action before = index < stored.actions().size() ? stored.actions().get(index) : null;
            if (before instanceof Action.CallWebhook webhook && webhook.secret() != null
                    && actions.get(index) instanceof Action.CallWebhook now) {
                actions.set(index, now.signedWith(webhook.secret()));
            } else {
                errors.add(new FieldError("actions[" + index + "].secret", "no secret is stored for this action:"
                        + " give one, or leave signed out"));
            }
        }
        return new Rule(rule.id(), rule.name(), rule.scope(), rule.trigger(), rule.metric(), rule.condition(),
                rule.minSamples(), rule.cooldown(), rule.enabled(), rule.dryRun(), actions);
    }

    private static Rule withId(Rule rule, String id) {
        return new Rule(id, rule.name(), rule.scope(), rule.trigger(), rule.metric(), rule.condition(),
                rule.minSamples(), rule.cooldown(), rule.enabled(), rule.dryRun(), rule.actions());
    }
}
