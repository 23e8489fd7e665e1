package io.lightswitch.analytics.aggregate;

import java.time.Instant;
import java.util.Map;

/**
 * One end of a possible cross-service call, waiting for the other: a CLIENT or PRODUCER span
 * ({@link #PARENT}, keyed by its own span id) or an entry span with a parent ({@link #CHILD}, keyed by
 * the parent's span id).
 */
public record SpanEnd(String project, String environment, String spanId, char role, String service,
                      boolean error, Map<String, String> flags, Instant at) {

    public static final char PARENT = 'p';
    public static final char CHILD = 'c';

    public char otherRole() {
        return role == PARENT ? CHILD : PARENT;
    }

    public String matchKey() {
        return project + "\u001f" + environment + "\u001f" + spanId;
    }
}
