package io.lightswitch.workflow.api;

import io.lightswitch.workflow.domain.ValidationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Set;

/** Small checks of request bodies and query parameters shared by the resources. */
final class Bodies {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw ValidationException.of("body", "is required");
        }
        return body;
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeException e) {
            throw ValidationException.of(name, "an ISO-8601 instant, e.g. 2026-11-26T09:41:10Z");
        }
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ValidationException.of(name, "one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** The version an If-Match header names ("3", "\"3\"" or W/"3"), or null without one. */
    static Long versionFromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ValidationException.of("If-Match", "must be the rule's version number");
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
