package io.lightswitch.contracts.ingest;

import java.util.List;
import java.util.Map;

/**
 * The events of one RUM beacon, normalised by ingest-service. {@code project} and {@code environment} come
 * from the client key, not from the browser. {@code flags} maps each flag key the page evaluated to the
 * variant it got. {@code browser}, {@code os} and {@code country} stay null when ingest does not derive
 * them; analytics parses {@code userAgent} itself.
 */
public record RumBatch(
        String project,
        String environment,
        String sessionId,
        String userId,
        String pageUrl,
        String referrer,
        String userAgent,
        String browser,
        String os,
        String country,
        Map<String, String> flags,
        List<RumEvent> events) {
}
