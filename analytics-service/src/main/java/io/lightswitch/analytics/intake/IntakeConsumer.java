package io.lightswitch.analytics.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Receives telemetry, exposures and flag changes. Decoding runs on a worker thread (a span batch can
 * be megabytes of JSON); the message then waits in the pipeline, which acknowledges it after its
 * flush commits. The method returns at once so that up to the channel's prefetch of messages can
 * gather into one flush.
 */
@ApplicationScoped
public class IntakeConsumer {

    private final IntakePipeline pipeline;
    private final DeadLetters deadLetters;

    public IntakeConsumer(IntakePipeline pipeline, DeadLetters deadLetters) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
    }

    @Incoming(IntakeChannels.INGEST_EVENTS)
    public Uni<Void> onIngestEvent(Message<byte[]> message) {
        return receive(message, IntakeChannels.INGEST_QUEUE);
    }

    @Incoming(IntakeChannels.FLAG_EVENTS)
    public Uni<Void> onFlagEvent(Message<byte[]> message) {
        return receive(message, IntakeChannels.FLAGS_QUEUE);
    }

    private Uni<Void> receive(Message<byte[]> message, String queue) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            IntakeItem item;
            try {
                item = IntakeDecoder.decode(message, queue);
            } catch (PoisonMessageException e) {
                deadLetters.send(message, queue, e.getMessage()).subscribe().with(ok -> {
                }, failure -> message.nack(failure));
                return;
            }
            pipeline.add(item);
        });
        return Uni.createFrom().voidItem();
    }
}
