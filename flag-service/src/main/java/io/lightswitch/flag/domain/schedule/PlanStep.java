package io.lightswitch.flag.domain.schedule;

import io.lightswitch.flag.domain.model.Serve;
import java.time.Instant;

/** One step of a rollout plan: at {@code at}, serve {@code serve} by default and, when set, flip the kill switch. */
public record PlanStep(Instant at, Serve serve, Boolean enabled) {
}
