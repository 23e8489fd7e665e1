package io.lightswitch.analytics.assessment;

import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Sends an encoded envelope to {@code lightswitch.analytics.events}; the Uni completes once the broker confirmed
 * it (publisher confirms) and fails when it did not within a few seconds.
 */
@ApplicationScoped
public class AnalyticsEventPublisher {

    /** Outgoing channel bound to the exchange in application.properties. */
    public static final String CHANNEL = "analytics-events";

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, String> TYPES = Map.of(
            RoutingKeys.IMPACT_ASSESSED, MessageTypes.IMPACT_ASSESSED,
            RoutingKeys.ANOMALY_DETECTED, MessageTypes.ANOMALY_DETECTED);

    private final MutinyEmitter<byte[]> emitter;

    public AnalyticsEventPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Never throws: whatever a row holds, the outcome is the Uni's, so one row cannot stall the relay. */
    public Uni<Void> publish(UUID id, String routingKey, Instant createdAt, byte[] body) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(routingKey)
                .withMessageId(id.toString())
                .withType(TYPES.get(routingKey))
                .withContentType("application/json")
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .build();
        Message<byte[]> message = Message.of(body, Metadata.of(metadata));
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(CONFIRM_TIMEOUT).fail();
    }

    /** The envelope type of a routing key analytics publishes on. */
    static String type(String routingKey) {
        String type = TYPES.get(routingKey);
        if (type == null) {
            throw new IllegalArgumentException("analytics does not publish " + routingKey);
        }
        return type;
    }
}
