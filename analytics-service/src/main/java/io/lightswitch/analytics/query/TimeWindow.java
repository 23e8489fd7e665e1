package io.lightswitch.analytics.query;

import java.time.Duration;
import java.time.Instant;

/**
 * The period a query covers, {@code [from, to)}: given as {@code window=24h} (ending now) or as
 * {@code from} and {@code to} instants ({@code to} defaults to now), never both.
 */
public record TimeWindow(Instant from, Instant to) {

    /** The longest retention of any resolution; older buckets no longer exist. */
    public static final Duration LONGEST = Duration.ofDays(400);

    /** The window the parameters describe, or {@code fallback} before now when none is given. */
    public static TimeWindow of(String window, String from, String to, Instant now, Duration fallback) {
        TimeWindow parsed = optional(window, from, to, now);
        return parsed != null ? parsed : new TimeWindow(now.minus(fallback), now);
    }

    /** The window the parameters describe, or null when they describe none (the query is unbounded). */
    public static TimeWindow optional(String window, String from, String to, Instant now) {
        String w = Parameters.optional(window);
        String f = Parameters.optional(from);
        String t = Parameters.optional(to);
        if (w != null) {
            if (f != null || t != null) {
                throw new InvalidParameterException("window", "cannot be combined with from or to");
            }
            Duration length = Parameters.duration("window", w);
            if (length.compareTo(LONGEST) > 0) {
                throw new InvalidParameterException("window", "may be at most " + LONGEST.toDays() + " days");
            }
            return new TimeWindow(now.minus(length), now);
        }
        if (f == null) {
            if (t != null) {
                throw new InvalidParameterException("from", "is required with to");
            }
            return null;
        }
        Instant start = Parameters.instant("from", f);
        Instant end = t == null ? now : Parameters.instant("to", t);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidParameterException("from", "is more than " + LONGEST.toDays() + " days before to");
        }
        return new TimeWindow(start, end);
    }
}
