package io.lightswitch.analytics.intake;

import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;

/**
 * A decoded message waiting for its flush. {@code payload} is a SpanBatch, RumBatch, FlagExposed,
 * FlagChanged or FlagDeleted, or null for a type this service does not use (acknowledged, no effect).
 * {@code weight} is how much work it adds to a flush (spans, events), for sizing flushes.
 */
public record IntakeItem(String id, String type, String source, Instant occurredAt, Object payload, long weight,
                         Message<byte[]> message, String queue) {

    /** The same message once its payload has been aggregated: the decoded form need not stay in memory. */
    public IntakeItem aggregated() {
        return new IntakeItem(id, type, source, occurredAt, null, weight, message, queue);
    }

    public boolean isAggregated() {
        return payload == null && weight > 0;
    }
}
