package io.lightswitch.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends an encoded envelope to {@code lightswitch.ingest.events}; the returned Uni completes when the
 * broker confirmed it (publisher confirms) and fails when the broker refused it.
 */
@ApplicationScoped
public class IngestPublisher {

    private final MutinyEmitter<byte[]> emitter;
    private final HealthCenter health;

    public IngestPublisher(
            @Channel(IngestChannels.INGEST_EVENTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<byte[]> emitter,
            HealthCenter health) {
        this.emitter = emitter;
        this.health = health;
    }

    /**
     * Whether the channel has an open connection to the broker right now. A message sent while it has
     * none would wait in the connector for the reconnection, after its client was told to retry.
     */
    public boolean connected() {
        return health.getReadiness().getChannels().stream()
                .filter(channel -> IngestChannels.INGEST_EVENTS.equals(channel.getChannel()))
                .allMatch(channel -> channel.isOk());
    }

    public Uni<Void> publish(UUID id, String type, String routingKey, Instant createdAt, byte[] body) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(routingKey)
                .withMessageId(id.toString())
                .withType(type)
                .withContentType("application/json")
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .build();
        Message<byte[]> message = Message.of(body, Metadata.of(metadata));
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message));
    }
}
