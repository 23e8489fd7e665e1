package io.lightswitch.analytics.intake;

import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Receives telemetry, exposures and flag changes. Decoding runs on a decoder thread (a span batch can
 * be megabytes of JSON); the message then waits in the pipeline, which acknowledges it after its
 * flush commits. The method returns at once so that up to the channel's prefetch of messages can
 * gather into one flush.
 */
@ApplicationScoped
public class IntakeConsumer {

    private final IntakePipeline pipeline;
    private final DeadLetters deadLetters;

    /**
     * Decoding and aggregating is CPU work: one thread per core. The general worker pool would decode
     * the whole prefetch at once, each message's JSON tree costing megabytes of heap.
     */
    private final ExecutorService decoders = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "intake-decoder");
                thread.setDaemon(true);
                return thread;
            });
    private final String ingestQueue;
    private final String flagsQueue;

    public IntakeConsumer(IntakePipeline pipeline, DeadLetters deadLetters,
                          @ConfigProperty(name = "mp.messaging.incoming.ingest-events.queue.name") String ingestQueue,
                          @ConfigProperty(name = "mp.messaging.incoming.flag-events.queue.name") String flagsQueue) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.ingestQueue = ingestQueue;
        this.flagsQueue = flagsQueue;
    }

    @Incoming(IntakeChannels.INGEST_EVENTS)
    public Uni<Void> onIngestEvent(Message<byte[]> message) {
        return receive(message, ingestQueue);
    }

    @Incoming(IntakeChannels.FLAG_EVENTS)
    public Uni<Void> onFlagEvent(Message<byte[]> message) {
        return receive(message, flagsQueue);
    }

    private void deadLetter(Message<byte[]> message, String queue, String reason) {
        deadLetters.send(message, queue, reason).subscribe().with(ok -> {
        }, failure -> message.nack(failure));
    }

    void onStop(@Observes ShutdownEvent event) {
        decoders.shutdown();
    }

    private Uni<Void> receive(Message<byte[]> message, String queue) {
        decoders.execute(() -> {
            IntakeItem item;
            try {
                item = IntakeDecoder.decode(message, queue);
            } catch (PoisonMessageException e) {
                deadLetter(message, queue, e.getMessage());
                return;
            } catch (RuntimeException e) {
                // Never leave a message unsettled: it would sit unacknowledged until the connection closes.
                deadLetter(message, queue, "unreadable message: " + e);
                return;
            }
            try {
                pipeline.add(item);
            } catch (RuntimeException e) {
                deadLetter(message, queue, "cannot aggregate " + item.type() + ": " + e);
            }
        });
        return Uni.createFrom().voidItem();
    }
}
