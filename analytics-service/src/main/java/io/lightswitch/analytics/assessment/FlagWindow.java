package io.lightswitch.analytics.assessment;

import java.time.Duration;
import java.time.Instant;

/**
 * The period a flag is assessed over: from its last change (rounded up to the next 10 s bucket, so the bucket
 * in which it changed, which holds traffic from before, is left out), at most {@code maxWindow} back, or the
 * last hour when no change is known.
 *
 * @param offVariant the control variant, or null when flag-service never said
 * @param changedAt  the last change, or null when none is known
 */
record FlagWindow(String project, String environment, String flagKey, String offVariant, Instant changedAt,
                  Instant start, Instant end) {

    static final Duration BUCKET = Duration.ofSeconds(10);
    static final Duration UNKNOWN_CHANGE_WINDOW = Duration.ofHours(1);

    static FlagWindow of(String project, String environment, String flagKey, String offVariant, Instant changedAt,
                         Instant now, Duration maxWindow) {
        Instant earliest = now.minus(maxWindow);
        Instant start = changedAt == null
                ? later(now.minus(UNKNOWN_CHANGE_WINDOW), earliest)
                : later(ceil(changedAt, BUCKET), earliest);
        return new FlagWindow(project, environment, flagKey, offVariant, changedAt, start, now);
    }

    /** Whether the flag changed inside the longest window, so a single variant reads as a full toggle. */
    boolean changedWithin(Duration maxWindow) {
        return changedAt != null && !changedAt.isBefore(end.minus(maxWindow)) && !changedAt.isAfter(end);
    }

    EnvironmentKey environmentKey() {
        return new EnvironmentKey(project, environment);
    }

    static Instant floor(Instant at, Duration step) {
        long seconds = step.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    static Instant ceil(Instant at, Duration step) {
        Instant floor = floor(at, step);
        return floor.equals(at) ? at : floor.plus(step);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    record EnvironmentKey(String project, String environment) {
    }
}
