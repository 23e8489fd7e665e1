package io.lightswitch.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An envelope read straight into its payload type, for consumers that know the type from the routing
 * key: one pass over the bytes instead of a JSON tree first (it matters for batches of thousands of spans).
 */
public record TypedEnvelope<T>(UUID id, String type, int version, Instant occurredAt, String source, T payload) {
}
