package io.lightswitch.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

/**
 * Encodes and decodes envelopes and payloads the same way in every service: ISO-8601 instants,
 * unknown fields ignored (changes are additive), nulls kept out of the wire format.
 */
public final class MessageCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .build();

    private MessageCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Envelope wrap(String type, String source, Object payload) {
        return wrap(UUID.randomUUID(), type, source, payload, Clock.systemUTC());
    }

    public static Envelope wrap(UUID id, String type, String source, Object payload, Clock clock) {
        return new Envelope(id, type, 1, clock.instant(), source, MAPPER.valueToTree(payload));
    }

    public static byte[] encode(Envelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new MessageFormatException("cannot encode envelope " + envelope.id(), e);
        }
    }

    /** The wire form of an envelope whose payload is still an object: encoded in one pass, no tree. */
    private record OutgoingEnvelope(UUID id, String type, int version, java.time.Instant occurredAt, String source,
                                    Object payload) {
    }

    /** Encodes a new envelope around a payload without building a JSON tree first (for large batches). */
    public static byte[] encode(UUID id, String type, String source, java.time.Instant occurredAt, Object payload) {
        try {
            return MAPPER.writeValueAsBytes(new OutgoingEnvelope(id, type, 1, occurredAt, source, payload));
        } catch (JsonProcessingException e) {
            throw new MessageFormatException("cannot encode " + type + " " + id, e);
        }
    }

    public static Envelope decode(byte[] body) {
        try {
            Envelope envelope = MAPPER.readValue(body, Envelope.class);
            if (envelope == null) {
                throw new MessageFormatException("empty message body", null);
            }
            return envelope;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new MessageFormatException("not a Lightswitch envelope: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an envelope whose payload type is known in advance. The caller still checks {@code type()}:
     * a body of another type may read without error.
     */
    public static <T> TypedEnvelope<T> decode(byte[] body, Class<T> payloadType) {
        try {
            TypedEnvelope<T> envelope = MAPPER.readValue(body,
                    MAPPER.getTypeFactory().constructParametricType(TypedEnvelope.class, payloadType));
            if (envelope == null) {
                throw new MessageFormatException("empty message body", null);
            }
            return envelope;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new MessageFormatException("not a Lightswitch envelope of " + payloadType.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    public static <T> T payload(Envelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MessageFormatException(
                    "payload of " + envelope.type() + " " + envelope.id() + " is not a " + type.getSimpleName()
                            + ": " + e.getMessage(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
