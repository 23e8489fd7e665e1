package io.lightswitch.analytics.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.ZonedDateTime;

/**
 * Moves a message that can never be processed to its queue's dead-letter queue with the reason in a
 * header (a plain reject would keep only "rejected"), then acknowledges the original.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> emitter;
    private final IntakeMetrics metrics;

    public DeadLetters(@Channel(IntakeChannels.DEAD_LETTERS) MutinyEmitter<byte[]> emitter, IntakeMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    public Uni<Void> send(Message<byte[]> message, String queue, String reason) {
        LOG.warnf("dead-lettering a message from %s: %s", queue, reason);
        metrics.deadLettered(queue);
        // auto-bind-dlq binds each dead-letter queue to the dead-letter exchange by its queue's name.
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(queue)
                .withHeader(IntakeChannels.REASON_HEADER, reason)
                .withContentType("application/json")
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.now())
                .build();
        return emitter.sendMessage(Message.of(message.getPayload(), Metadata.of(metadata)))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
