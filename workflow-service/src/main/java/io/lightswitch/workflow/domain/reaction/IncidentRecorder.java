package io.lightswitch.workflow.domain.reaction;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.workflow.domain.execution.ActionPlanner;
import io.lightswitch.workflow.domain.execution.PlannedAction;
import io.lightswitch.workflow.domain.incident.CooldownPolicy;
import io.lightswitch.workflow.domain.incident.IncidentKey;
import io.lightswitch.workflow.domain.incident.IncidentSubject;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Trigger;
import io.lightswitch.workflow.persistence.ExecutionStore;
import io.lightswitch.workflow.persistence.IncidentRow;
import io.lightswitch.workflow.persistence.IncidentStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Opens incidents and records their actions, inside the transaction of the message that fired the rule.
 * Exactly-once rests on keys, not on memory: the incident id is derived from the evidence (IncidentKey), each
 * execution is unique per incident and action, each command's outbox row per command id, so a redelivery, the
 * second message of one analytics turn, or another replica finds the rows there and adds nothing.
 */
@ApplicationScoped
public class IncidentRecorder {

    private final IncidentStore incidents;
    private final ExecutionStore executions;
    private final Clock clock = Clock.systemUTC();

    public IncidentRecorder(IncidentStore incidents, ExecutionStore executions) {
        this.incidents = incidents;
        this.executions = executions;
    }

    /**
     * Opens the rule's incident for a verdict whose condition holds, unless it is open already (then the
     * verdict is counted on it) or the rule is cooling down on the subject.
     *
     * @param at the verdict's assessment time: cooldown and opening time follow the evidence, not the clock
     */
    Uni<Void> openForVerdict(SqlClient client, Rule rule, ImpactVerdict verdict, Instant at, Effects effects) {
        UUID id = IncidentKey.forVerdict(rule, verdict);
        IncidentSubject subject = IncidentSubject.of(verdict);
        return incidents.lockSubject(client, rule.id(), subject)
                .chain(() -> incidents.touch(client, id, at))
                .chain(known -> known ? Uni.createFrom().voidItem()
                        : incidents.lastOpenedAt(client, rule.id(), subject, id).chain(last -> {
                            if (!new CooldownPolicy(rule.cooldown()).mayOpen(last, at)) {
                                effects.cooledDown++;
                                return Uni.createFrom().voidItem();
                            }
                            IncidentRow row = new IncidentRow(id, Trigger.VERDICT.name(), rule.id(), rule.name(),
                                    verdict.project(), verdict.environment(), verdict.flagKey(), verdict.variant(),
                                    verdict.metric(), verdict.service(), verdict.operation(), verdict.since(),
                                    rule.dryRun(), IncidentRow.OPEN, at, null, null,
                                    MessageCodec.tree(verdict).toString(), 1, at);
                            return open(client, row, effects,
                                    ActionPlanner.forIncident(rule, id, verdict, at, clock));
                        }));
    }

    /**
     * Records a flag-change rule's notification, closed at once (it reports, it is not a problem), with the
     * webhook calls it makes. One per rule and FlagChanged envelope.
     */
    Uni<Void> notifyChange(SqlClient client, Rule rule, UUID envelopeId, FlagChanged change, Instant at,
                           Effects effects) {
        UUID id = IncidentKey.forFlagChange(rule.id(), envelopeId);
        // a project-level change has no environment; the notification belongs to the rule's
        IncidentRow row = new IncidentRow(id, Trigger.FLAG_CHANGE.name(), rule.id(), rule.name(),
                change.project(), rule.scope().environment(), change.flagKey(), null, null, null, null, null,
                rule.dryRun(), IncidentRow.CLOSED, at, at, IncidentRow.NOTIFIED, MessageCodec.tree(change).toString(),
                1, at);
        return open(client, row, effects, ActionPlanner.forFlagChange(rule, id, change, at, clock));
    }

    private Uni<Void> open(SqlClient client, IncidentRow row, Effects effects, List<PlannedAction> actions) {
        return incidents.insert(client, row).chain(inserted -> {
            if (!inserted) {
                return Uni.createFrom().voidItem();
            }
            effects.opened.add(new Effects.Opened(row.trigger(), row.dryRun()));
            return Sequence.each(actions, action -> executions.record(client, row.id(), action)
                    .invoke(recorded -> {
                        if (recorded) {
                            effects.actions.add(new Effects.ActionResult(action.type(),
                                    ExecutionStore.initialStatus(action)));
                            effects.commandsQueued |= action instanceof PlannedAction.Command;
                            effects.webhooksQueued |= action instanceof PlannedAction.Webhook;
                        }
                    }));
        });
    }
}
