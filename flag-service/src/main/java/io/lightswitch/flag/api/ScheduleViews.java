package io.lightswitch.flag.api;

import io.lightswitch.flag.domain.FlagDocuments;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.persistence.ScheduledChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of rollout plans; a plan is written as a {@link io.lightswitch.flag.domain.schedule.PlanDraft}. */
public final class ScheduleViews {

    private ScheduleViews() {
    }

    /** A plan with its steps in order; the reason and author are those of its creation. */
    public record PlanView(UUID planId, String reason, String createdBy, Instant createdAt, List<StepView> steps) {

        /** @param steps the rows of one plan */
        static PlanView of(List<ScheduledChange> steps) {
            List<ScheduledChange> ordered = steps.stream().sorted(Comparator.comparingInt(s -> s.step)).toList();
            ScheduledChange first = ordered.get(0);
            return new PlanView(first.planId, first.reason, first.createdBy, first.createdAt,
                    ordered.stream().map(StepView::of).toList());
        }

        /** @param steps rows of any number of plans, in the order their plans should be listed */
        static List<PlanView> grouped(List<ScheduledChange> steps) {
            Map<UUID, List<ScheduledChange>> byPlan = new LinkedHashMap<>();
            for (ScheduledChange step : steps) {
                byPlan.computeIfAbsent(step.planId, unused -> new ArrayList<>()).add(step);
            }
            return byPlan.values().stream().map(PlanView::of).toList();
        }
    }

    /**
     * One step: {@code status} is pending, applied, cancelled or failed; {@code outcome} says why a step failed
     * or who cancelled it.
     */
    public record StepView(int step, Instant at, Serve serve, Boolean enabled, String status, String outcome,
                           Instant appliedAt) {
        static StepView of(ScheduledChange step) {
            return new StepView(step.step, step.dueAt, FlagDocuments.serve(step.serve), step.enabled, step.status,
                    step.outcome, step.appliedAt);
        }
    }
}
