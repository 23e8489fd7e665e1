package io.lightswitch.flag.domain.schedule;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.domain.AuditTrail;
import io.lightswitch.flag.domain.AuditTrail.AuditRecord;
import io.lightswitch.flag.domain.FlagDocuments;
import io.lightswitch.flag.domain.JsonDocuments;
import io.lightswitch.flag.domain.KeyRules;
import io.lightswitch.flag.domain.Lookup;
import io.lightswitch.flag.domain.NotFoundException;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.Flag;
import io.lightswitch.flag.persistence.FlagStateRepository;
import io.lightswitch.flag.persistence.Project;
import io.lightswitch.flag.persistence.ScheduledChange;
import io.lightswitch.flag.persistence.ScheduledChangeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rollout plans of a flag in one environment: stored as one row per step, applied by {@link ScheduleRunner}
 * when due, cancellable until then.
 */
@ApplicationScoped
public class ScheduleService {

    private final ScheduledChangeRepository changes;
    private final FlagStateRepository states;
    private final AuditTrail audit;
    private final Lookup lookup;

    public ScheduleService(ScheduledChangeRepository changes, FlagStateRepository states, AuditTrail audit,
                           Lookup lookup) {
        this.changes = changes;
        this.states = states;
        this.audit = audit;
        this.lookup = lookup;
    }

    /** The flag state a plan changes. */
    private record Target(Project project, Flag flag, Environment environment) {

        boolean owns(ScheduledChange step) {
            return step.flagId.equals(flag.id) && step.environmentId.equals(environment.id);
        }
    }

    /** @return the plan's steps, in order */
    public Uni<List<ScheduledChange>> create(String projectKey, String flagKey, String environmentKey,
                                             PlanDraft draft, Actor actor) {
        KeyRules.throwIfAny(PlanRules.check(draft, Instant.now()));
        return Panache.withTransaction(() -> target(projectKey, flagKey, environmentKey).chain(target ->
                states.find(target.flag().id, target.environment().id)
                        .onItem().ifNull().failWith(() -> new NotFoundException("flag state",
                                projectKey + "/" + flagKey + "/" + environmentKey))
                        .chain(state -> {
                            FlagConfig current = FlagDocuments.config(target.flag(), state);
                            List<PlanStep> steps = PlanRules.expand(draft, current);
                            KeyRules.throwIfAny(PlanRules.checkAgainst(draft, steps, current));
                            List<ScheduledChange> rows = rows(target, steps, draft.reason(), actor);
                            UUID planId = rows.get(0).planId;
                            return changes.persist(rows)
                                    .chain(() -> record(target, "schedule-created", actor, draft.reason(),
                                            Map.of("planId", planId, "steps", steps)))
                                    .replaceWith(rows);
                        })));
    }

    /** Every step of every plan of the flag in the environment, whatever its status, in due order. */
    public Uni<List<ScheduledChange>> list(String projectKey, String flagKey, String environmentKey) {
        return Panache.withSession(() -> target(projectKey, flagKey, environmentKey).chain(target ->
                changes.listByFlagState(target.flag().id, target.environment().id)));
    }

    public Uni<List<ScheduledChange>> get(String projectKey, String flagKey, String environmentKey, UUID planId) {
        return Panache.withSession(() -> target(projectKey, flagKey, environmentKey).chain(target ->
                changes.listByPlan(planId).map(steps -> ownedBy(target, planId, steps))));
    }

    /** Cancels the plan's pending steps; steps already applied stay as they are. */
    public Uni<List<ScheduledChange>> cancel(String projectKey, String flagKey, String environmentKey, UUID planId,
                                             Actor actor, String reason) {
        return Panache.withTransaction(() -> target(projectKey, flagKey, environmentKey).chain(target ->
                changes.listByPlanForUpdate(planId).chain(locked -> {
                    List<ScheduledChange> steps = ownedBy(target, planId, locked);
                    List<Integer> cancelled = new ArrayList<>();
                    for (ScheduledChange step : steps) {
                        if (ScheduledChange.PENDING.equals(step.status)) {
                            step.status = ScheduledChange.CANCELLED;
                            step.outcome = "cancelled by " + (actor.name() != null ? actor.name() : actor.id());
                            cancelled.add(step.step);
                        }
                    }
                    if (cancelled.isEmpty()) {
                        return Uni.createFrom().item(steps);
                    }
                    return record(target, "schedule-cancelled", actor, reason,
                            Map.of("planId", planId, "cancelledSteps", cancelled)).replaceWith(steps);
                })));
    }

    private Uni<Target> target(String projectKey, String flagKey, String environmentKey) {
        return lookup.project(projectKey).chain(project ->
                lookup.flag(project, flagKey).chain(flag ->
                        lookup.environment(project, environmentKey).map(environment ->
                                new Target(project, flag, environment))));
    }

    private static List<ScheduledChange> ownedBy(Target target, UUID planId, List<ScheduledChange> steps) {
        if (steps.isEmpty() || !target.owns(steps.get(0))) {
            throw new NotFoundException("schedule", target.project().key + "/" + target.flag().key + "/"
                    + target.environment().key + "/" + planId);
        }
        return steps;
    }

    private Uni<Void> record(Target target, String action, Actor actor, String reason, Object after) {
        return audit.record(AuditRecord.of(target.project().key, target.environment().key, "flag", target.flag().key,
                action, actor, reason, null, after));
    }

    private static List<ScheduledChange> rows(Target target, List<PlanStep> steps, String reason, Actor actor) {
        UUID planId = UUID.randomUUID();
        Instant now = Instant.now();
        List<ScheduledChange> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            ScheduledChange row = new ScheduledChange();
            row.id = UUID.randomUUID();
            row.planId = planId;
            row.flagId = target.flag().id;
            row.environmentId = target.environment().id;
            row.step = i;
            row.dueAt = step.at();
            row.serve = JsonDocuments.write(step.serve());
            row.enabled = step.enabled();
            row.status = ScheduledChange.PENDING;
            row.createdBy = actor.id();
            row.reason = reason;
            row.createdAt = now;
            rows.add(row);
        }
        return rows;
    }
}
