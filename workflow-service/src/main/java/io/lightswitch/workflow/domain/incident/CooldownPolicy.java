package io.lightswitch.workflow.domain.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a rule may open a new incident for a subject, given when its last incident for that subject opened.
 * Times are the verdicts' {@code assessedAt}, not the clock, so replicas and redeliveries decide alike.
 *
 * <p>Pass the last incident other than the one the verdict maps to ({@link IncidentKey}): a redelivered
 * verdict of an open incident resumes that incident, it does not open a new one. A verdict older than the last
 * incident plus the cooldown (a late or out-of-order message) does not open one either.
 */
public record CooldownPolicy(Duration cooldown) {

    public CooldownPolicy {
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must be zero or positive");
        }
    }

    /** @param lastOpenedAt when the rule's last incident for the subject opened, or null if there is none */
    public boolean mayOpen(Instant lastOpenedAt, Instant candidate) {
        return lastOpenedAt == null || !candidate.isBefore(lastOpenedAt.plus(cooldown));
    }

    public Instant quietUntil(Instant lastOpenedAt) {
        return lastOpenedAt.plus(cooldown);
    }
}
