package io.lightswitch.workflow.domain.reaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.workflow.domain.incident.IncidentClosing;
import io.lightswitch.workflow.domain.incident.IncidentSubject;
import io.lightswitch.workflow.domain.matching.RuleMatcher;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Trigger;
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
 * An analytics verdict, in one transaction with the claim of its envelope id: the environment's default guard
 * on first sight, recoveries closing open incidents, then every enabled verdict rule of the environment whose
 * condition holds opens (or resumes) its incident.
 */
@ApplicationScoped
public class VerdictHandler {

    private final Pool pool;
    private final ProcessedMessages processed;
    private final DefaultGuards guards;
    private final RuleStore rules;
    private final IncidentStore incidents;
    private final IncidentRecorder recorder;
    private final FlagTags flagTags;
    private final CommitHooks hooks;

    public VerdictHandler(Pool pool, ProcessedMessages processed, DefaultGuards guards, RuleStore rules,
                          IncidentStore incidents, IncidentRecorder recorder, FlagTags flagTags, CommitHooks hooks) {
        this.pool = pool;
        this.processed = processed;
        this.guards = guards;
        this.rules = rules;
        this.incidents = incidents;
        this.recorder = recorder;
        this.flagTags = flagTags;
        this.hooks = hooks;
    }

    public Uni<Handled> handle(Envelope envelope, ImpactVerdict verdict) {
        Instant at = verdict.assessedAt() != null ? verdict.assessedAt() : envelope.occurredAt();
        Effects effects = new Effects();
        return pool.withTransaction(connection -> processed.claim(connection, envelope.id(), envelope.type())
                        .chain(claimed -> !claimed ? Uni.createFrom().item(Handled.DUPLICATE)
                                : guards.ensure(connection, verdict.project(), verdict.environment(), effects)
                                .chain(() -> recover(connection, verdict, at, effects))
                                .chain(() -> rules.enabled(connection, verdict.project(), verdict.environment(),
                                        Trigger.VERDICT))
                                .chain(found -> fire(connection, found, verdict, at, effects))
                                .replaceWith(Handled.PROCESSED)))
                .invoke(handled -> {
                    if (handled == Handled.PROCESSED) {
                        hooks.committed(effects);
                    }
                });
    }

    private Uni<Void> recover(SqlClient client, ImpactVerdict verdict, Instant at, Effects effects) {
        if (!ImpactVerdict.HEALTHY.equals(verdict.status()) && !ImpactVerdict.IMPROVED.equals(verdict.status())) {
            return Uni.createFrom().voidItem();
        }
        return incidents.openOnSubject(client, IncidentSubject.of(verdict)).chain(open -> Sequence.each(open,
                incident -> !IncidentClosing.recoveredBy(opening(incident), verdict) ? Uni.createFrom().voidItem()
                        : incidents.close(client, incident.id(), at, IncidentRow.RECOVERED).invoke(closed -> {
                            if (closed) {
                                effects.closed.add(IncidentRow.RECOVERED);
                            }
                        })));
    }

    private Uni<Void> fire(SqlClient client, List<Rule> candidates, ImpactVerdict verdict, Instant at,
                           Effects effects) {
        return flagTags.forRules(candidates, verdict.project(), verdict.flagKey()).chain(tags -> {
            effects.tagsUnavailable = tags.isEmpty();
            return Sequence.each(candidates, rule -> tags.isEmpty() && FlagTags.tagScoped(rule)
                    || !RuleMatcher.holds(rule, verdict, tags.orElse(Set.of())) ? Uni.createFrom().voidItem()
                    : recorder.openForVerdict(client, rule, verdict, at, effects));
        });
    }

    private static ImpactVerdict opening(IncidentRow incident) {
        try {
            return MessageCodec.mapper().readValue(incident.evidence(), ImpactVerdict.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable evidence of incident " + incident.id(), e);
        }
    }
}
