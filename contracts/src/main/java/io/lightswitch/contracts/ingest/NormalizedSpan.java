package io.lightswitch.contracts.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * One span reduced to what analytics needs. Ids are lower-case hex ({@code parentSpanId} is null for a
 * root span); {@code kind} is SERVER, CLIENT, INTERNAL, PRODUCER or CONSUMER; {@code flags} maps each
 * flag key evaluated in the span to the variant served. Absent facts are null, never empty strings.
 */
public record NormalizedSpan(
        String traceId,
        String spanId,
        String parentSpanId,
        String service,
        String name,
        String route,
        String kind,
        Instant start,
        long durationMicros,
        Integer httpStatus,
        boolean error,
        String errorType,
        String errorMessage,
        String userId,
        String sessionId,
        String userAgent,
        Geo geo,
        Map<String, String> flags) {

    public static final String SERVER = "SERVER";
    public static final String CLIENT = "CLIENT";
    public static final String INTERNAL = "INTERNAL";
    public static final String PRODUCER = "PRODUCER";
    public static final String CONSUMER = "CONSUMER";

    /** Where the user was: ISO country and region codes, city name. */
    public record Geo(String country, String region, String city) {
    }
}
