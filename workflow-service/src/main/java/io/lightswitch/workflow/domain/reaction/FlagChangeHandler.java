package io.lightswitch.workflow.domain.reaction;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.workflow.domain.execution.ActionTypes;
import io.lightswitch.workflow.domain.incident.IncidentClosing;
import io.lightswitch.workflow.domain.incident.IncidentSubject;
import io.lightswitch.workflow.domain.matching.FlagChangeMatcher;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Trigger;
import io.lightswitch.workflow.persistence.ExecutionRow;
import io.lightswitch.workflow.persistence.ExecutionStore;
import io.lightswitch.workflow.persistence.IncidentRow;
import io.lightswitch.workflow.persistence.IncidentStore;
import io.lightswitch.workflow.persistence.ProcessedMessages;
import io.lightswitch.workflow.persistence.RuleStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A FlagChanged from flag-service, in one transaction with the claim of its envelope id: the environment's
 * default guard on first sight; when a rule made the change, flag-service's confirmation of that rule's
 * commands (closing its open incidents on the flag); then every flag-change rule in scope notifies.
 */
@ApplicationScoped
public class FlagChangeHandler {

    private final Pool pool;
    private final ProcessedMessages processed;
    private final DefaultGuards guards;
    private final RuleStore rules;
    private final IncidentStore incidents;
    private final ExecutionStore executions;
    private final IncidentRecorder recorder;
    private final FlagTags flagTags;
    private final CommitHooks hooks;

    public FlagChangeHandler(Pool pool, ProcessedMessages processed, DefaultGuards guards, RuleStore rules,
                             IncidentStore incidents, ExecutionStore executions, IncidentRecorder recorder,
                             FlagTags flagTags, CommitHooks hooks) {
        this.pool = pool;
        this.processed = processed;
        this.guards = guards;
        this.rules = rules;
        this.incidents = incidents;
        this.executions = executions;
        this.recorder = recorder;
        this.flagTags = flagTags;
        this.hooks = hooks;
    }

    public Uni<Handled> handle(Envelope envelope, FlagChanged change) {
        Instant at = envelope.occurredAt();
        Effects effects = new Effects();
        return pool.withTransaction(connection -> processed.claim(connection, envelope.id(), envelope.type())
                        .chain(claimed -> !claimed ? Uni.createFrom().item(Handled.DUPLICATE)
                                : guards.ensure(connection, change.project(), change.environment(), effects)
                                .chain(() -> confirm(connection, change, at, effects))
                                .chain(() -> rules.enabled(connection, change.project(), change.environment(),
                                        Trigger.FLAG_CHANGE))
                                .chain(found -> notifyAll(connection, found, envelope, change, at, effects))
                                .replaceWith(Handled.PROCESSED)))
                .invoke(handled -> {
                    if (handled == Handled.PROCESSED) {
                        hooks.committed(effects);
                    }
                });
    }

    /**
     * A change made by a rule confirms that rule's commands on the flag: the matching executions become
     * confirmed (also of an incident already closed by an earlier confirmation, when the rule sent two
     * commands), and open incidents close.
     */
    private Uni<Void> confirm(SqlClient client, FlagChanged change, Instant at, Effects effects) {
        Actor actor = change.actor();
        if (actor == null || !Actor.RULE.equals(actor.kind()) || actor.id() == null) {
            return Uni.createFrom().voidItem();
        }
        String commandType = switch (change.change() == null ? "" : change.change()) {
            case "disabled" -> ActionTypes.DISABLE_FLAG;
            case "rollout" -> ActionTypes.SET_ROLLOUT;
            default -> null;
        };
        return incidents.awaitingConfirmation(client, actor.id(), change.project(), change.flagKey())
                .chain(candidates -> Sequence.each(candidates, incident -> {
                    IncidentSubject subject = new IncidentSubject(incident.project(), incident.environment(),
                            incident.flagKey(), incident.variant(), incident.metric());
                    if (!IncidentClosing.confirmedBy(actor.id(), subject, change)) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> confirmed = commandType == null ? Uni.createFrom().voidItem()
                            : executions.confirmCommands(client, incident.id(), commandType).invoke(count -> {
                                for (int i = 0; i < count; i++) {
                                    effects.actions.add(new Effects.ActionResult(commandType, ExecutionRow.CONFIRMED));
                                }
                            }).replaceWithVoid();
                    return confirmed.chain(() -> incidents.close(client, incident.id(), at, IncidentRow.CONFIRMED)
                            .invoke(closed -> {
                                if (closed) {
                                    effects.closed.add(IncidentRow.CONFIRMED);
                                }
                            }));
                }));
    }

    private Uni<Void> notifyAll(SqlClient client, List<Rule> candidates, Envelope envelope, FlagChanged change,
                                Instant at, Effects effects) {
        return flagTags.forRules(candidates, change.project(), change.flagKey()).chain(tags -> {
            effects.tagsUnavailable = tags.isEmpty();
            return Sequence.each(candidates, rule -> tags.isEmpty() && FlagTags.tagScoped(rule)
                    || !FlagChangeMatcher.holds(rule, change, tags.orElse(Set.of())) ? Uni.createFrom().voidItem()
                    : recorder.notifyChange(client, rule, envelope.id(), change, at, effects));
        });
    }
}
