package io.lightswitch.analytics.intake;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageFormatException;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.TypedEnvelope;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.flag.FlagDeleted;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.contracts.ingest.SpanBatch;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reads an envelope and its payload, or says why it cannot be read. */
final class IntakeDecoder {

    private IntakeDecoder() {
    }

    static IntakeItem decode(Message<byte[]> message, String queue) {
        String routingKey = message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(IncomingRabbitMQMetadata::getRoutingKey).orElse("");
        if (RoutingKeys.SPANS_BATCH.equals(routingKey)) {
            // The bulk of the traffic: read in one pass, no JSON tree (the general path below is the fallback).
            try {
                TypedEnvelope<SpanBatch> typed = MessageCodec.decode(message.getPayload(), SpanBatch.class);
                if (MessageTypes.SPAN_BATCH.equals(typed.type()) && typed.id() != null && typed.payload() != null) {
                    SpanBatch batch = typed.payload();
                    requireEnvironment(batch.project(), batch.environment());
                    require(batch.spans() != null, "SpanBatch without spans");
                    return new IntakeItem(typed.id().toString(), typed.type(), typed.source(), typed.occurredAt(), batch,
                            batch.spans().size(), message, queue);
                }
            } catch (MessageFormatException e) {
                // fall through: the general path says what is wrong
            }
        }
        Envelope envelope;
        try {
            envelope = MessageCodec.decode(message.getPayload());
        } catch (MessageFormatException e) {
            throw new PoisonMessageException("not a Lightswitch envelope: " + e.getMessage(), e);
        }
        if (envelope.id() == null || envelope.id().toString().isBlank()) {
            throw new PoisonMessageException("envelope without an id");
        }
        String type = envelope.type() == null ? "" : envelope.type();
        Object payload;
        long weight;
        try {
            switch (type) {
                case MessageTypes.SPAN_BATCH -> {
                    SpanBatch batch = MessageCodec.payload(envelope, SpanBatch.class);
                    requireEnvironment(batch.project(), batch.environment());
                    require(batch.spans() != null, "SpanBatch without spans");
                    payload = batch;
                    weight = batch.spans().size();
                }
                case MessageTypes.RUM_BATCH -> {
                    RumBatch batch = MessageCodec.payload(envelope, RumBatch.class);
                    requireEnvironment(batch.project(), batch.environment());
                    payload = batch;
                    weight = 1 + (batch.events() == null ? 0 : batch.events().size());
                }
                case MessageTypes.FLAG_EXPOSED -> {
                    FlagExposed exposed = MessageCodec.payload(envelope, FlagExposed.class);
                    requireEnvironment(exposed.project(), exposed.environment());
                    require(exposed.exposures() != null, "FlagExposed without exposures");
                    payload = exposed;
                    weight = exposed.exposures().size();
                }
                case MessageTypes.FLAG_CHANGED -> {
                    FlagChanged changed = MessageCodec.payload(envelope, FlagChanged.class);
                    require(changed.project() != null && changed.flagKey() != null,
                            "FlagChanged without project or flagKey");
                    payload = changed;
                    weight = 1;
                }
                case MessageTypes.FLAG_DELETED -> {
                    FlagDeleted deleted = MessageCodec.payload(envelope, FlagDeleted.class);
                    require(deleted.project() != null && deleted.flagKey() != null,
                            "FlagDeleted without project or flagKey");
                    payload = deleted;
                    weight = 1;
                }
                default -> {
                    payload = null;
                    weight = 0;
                }
            }
        } catch (MessageFormatException e) {
            throw new PoisonMessageException("unreadable " + type + " payload: " + e.getMessage(), e);
        }
        return new IntakeItem(envelope.id().toString(), type, envelope.source(), envelope.occurredAt(), payload,
                weight, message, queue);
    }

    private static void requireEnvironment(String project, String environment) {
        require(project != null && !project.isBlank() && environment != null && !environment.isBlank(),
                "payload without project or environment");
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PoisonMessageException(reason);
        }
    }
}
