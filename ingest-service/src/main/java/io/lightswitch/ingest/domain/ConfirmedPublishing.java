package io.lightswitch.ingest.domain;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.ingest.config.IngestConfig;
import io.lightswitch.ingest.domain.IngestException.Kind;
import io.lightswitch.ingest.messaging.IngestPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes small sets of envelopes (a beacon's RumBatch, a webhook's FlagChanged events) and completes
 * when the broker confirmed all of them, failing with UNAVAILABLE otherwise, as the OTLP path does.
 */
@ApplicationScoped
public class ConfirmedPublishing {

    static final String SOURCE = IngestService.SOURCE;

    private final IngestPublisher publisher;
    private final IngestMetrics metrics;
    private final Duration confirmTimeout;

    public ConfirmedPublishing(IngestPublisher publisher, IngestMetrics metrics, IngestConfig config) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.confirmTimeout = config.ingest().confirmTimeout();
    }

    /** One message: the envelope id is chosen by the caller, so a redelivered webhook keeps its id. */
    public record Outgoing(UUID id, String type, String routingKey, Instant occurredAt, Object payload) {
    }

    public Uni<Void> publish(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!publisher.connected()) {
            return Uni.createFrom().failure(new IngestException(Kind.UNAVAILABLE, "the message broker is not reachable"));
        }
        List<Uni<Void>> sends = messages.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .ifNoItem().after(confirmTimeout)
                .failWith(() -> new IngestException(Kind.UNAVAILABLE, "the message broker did not confirm in time"))
                .onFailure().transform(e -> e instanceof IngestException ? e
                        : new IngestException(Kind.UNAVAILABLE, "the message broker refused the message", e))
                .replaceWithVoid();
    }

    private Uni<Void> send(Outgoing message) {
        byte[] body = MessageCodec.encode(message.id(), message.type(), SOURCE, message.occurredAt(), message.payload());
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return publisher.publish(message.id(), message.type(), message.routingKey(), message.occurredAt(), body)
                    .onItem().invoke(() -> metrics.publishLatency(Duration.ofNanos(System.nanoTime() - started)));
        });
    }
}
