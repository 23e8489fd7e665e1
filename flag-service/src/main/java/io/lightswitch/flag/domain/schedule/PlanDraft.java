package io.lightswitch.flag.domain.schedule;

import java.util.List;

/** A rollout plan as written by the API: either explicit {@code steps} or the {@code rollout} shorthand. */
public record PlanDraft(List<PlanStep> steps, Rollout rollout, String reason) {
}
