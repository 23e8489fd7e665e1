package io.lightswitch.ingest.rum;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validated RUM beacon: who (session, optional user), where (page), which flag variants, what happened. */
public record Beacon(
        int version,
        String sessionId,
        String userId,
        String pageUrl,
        String referrer,
        String userAgent,
        Map<String, String> flags,
        List<BeaconEvent> events) {

    public Beacon {
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        events = List.copyOf(events);
    }
}
