package io.lightswitch.ingest.rum;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One validated event of a beacon (schema v1, see docs/rum-beacon-v1.md). */
public sealed interface BeaconEvent {

    Instant at();

    /** Web Vitals of one page view; timings in milliseconds, CLS unitless; null when not measured. */
    record PageLoad(Instant at, Double ttfbMs, Double lcpMs, Double inpMs, Double cls) implements BeaconEvent {
    }

    record UserAction(Instant at, String name, String target) implements BeaconEvent {
    }

    record JsError(Instant at, String message, String errorType, String stack, String source, Integer line,
                   Integer column) implements BeaconEvent {
    }

    record Custom(Instant at, String name, Double value, JsonNode props) implements BeaconEvent {
    }

    /** A chunk of an rrweb recording; {@code seq} orders the chunks of one session. */
    record ReplayChunk(Instant at, int seq, JsonNode rrwebEvents) implements BeaconEvent {
    }
}
