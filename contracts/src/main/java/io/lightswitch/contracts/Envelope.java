package io.lightswitch.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The wrapper of every Lightswitch message. {@code id} is the idempotency key consumers deduplicate on;
 * {@code type} and {@code version} name the payload's schema (see {@link MessageTypes}).
 */
public record Envelope(UUID id, String type, int version, Instant occurredAt, String source, JsonNode payload) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }
}
