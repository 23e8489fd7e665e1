package io.lightswitch.workflow.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends an encoded command envelope to {@code lightswitch.workflow.commands}; the Uni completes once the broker
 * confirmed it (publisher confirms) and fails when it did not within a few seconds.
 */
@ApplicationScoped
public class CommandPublisher {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);

    private final MutinyEmitter<byte[]> emitter;

    public CommandPublisher(@Channel(WorkflowChannels.WORKFLOW_COMMANDS) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
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
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(CONFIRM_TIMEOUT).fail();
    }
}
