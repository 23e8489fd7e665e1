package io.lightswitch.ingest.domain;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.flag.FlagExposed.Exposure;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.SpanBatch;
import io.lightswitch.ingest.config.IngestConfig;
import io.lightswitch.ingest.domain.IngestException.Kind;
import io.lightswitch.ingest.messaging.IngestPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Publishes what a request normalised to, one message per environment (split when large), and completes
 * only when the broker confirmed every message: a client is told 2xx only for telemetry that is safe.
 * Refuses with OVERLOADED when too much is already waiting for the broker, and with UNAVAILABLE when the
 * broker is away or does not confirm in time, so the client retries instead of the data being lost.
 */
@ApplicationScoped
public class IngestService {

    static final String SOURCE = "ingest-service";

    private final IngestPublisher publisher;
    private final IngestMetrics metrics;
    private final InFlightBudget budget;
    private final int maxSpansPerMessage;
    private final Duration confirmTimeout;
    private final Clock clock = Clock.systemUTC();

    public IngestService(IngestPublisher publisher, IngestMetrics metrics, IngestConfig config) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.budget = new InFlightBudget(config.ingest().maxInFlightBytes().asLongValue());
        this.maxSpansPerMessage = Math.max(1, config.ingest().maxSpansPerMessage());
        this.confirmTimeout = config.ingest().confirmTimeout();
    }

    /** Publishes spans of a request already decoded (gRPC), taking its share of the budget now. */
    public Uni<Void> publishSpans(Normalized<NormalizedSpan> spans, long decodedBytes) {
        return publishSpans(spans, decodedBytes, false);
    }

    public Uni<Void> publishExposures(Normalized<Exposure> exposures, long decodedBytes) {
        return publishExposures(exposures, decodedBytes, false);
    }

    /** Publishes spans of a request that was {@link #admit admitted} before decoding; its lease is the caller's. */
    public Uni<Void> publishSpans(Normalized<NormalizedSpan> spans, InFlightBudget.Lease admitted) {
        return publishSpans(spans, admitted.held(), true);
    }

    public Uni<Void> publishExposures(Normalized<Exposure> exposures, InFlightBudget.Lease admitted) {
        return publishExposures(exposures, admitted.held(), true);
    }

    /**
     * Takes {@code bytes} of the in-flight budget for a request about to be decoded, so concurrent decodes
     * are bounded as well as requests waiting for confirms; the caller closes the lease once answered.
     *
     * @throws IngestException OVERLOADED when the budget is spent
     */
    public InFlightBudget.Lease admit(Signal signal, long bytes) {
        InFlightBudget.Lease lease = budget.lease(bytes);
        if (lease == null) {
            IngestException e = new IngestException(Kind.OVERLOADED, "too much telemetry is waiting for the broker");
            refused(signal, e);
            throw e;
        }
        return lease;
    }

    private Uni<Void> publishSpans(Normalized<NormalizedSpan> spans, long decodedBytes, boolean admitted) {
        return publish(Signal.TRACES, spans, decodedBytes, admitted, MessageTypes.SPAN_BATCH, RoutingKeys.SPANS_BATCH,
                (attribution, chunk) -> new SpanBatch(attribution.project(), attribution.environment(), chunk));
    }

    private Uni<Void> publishExposures(Normalized<Exposure> exposures, long decodedBytes, boolean admitted) {
        return publish(Signal.LOGS, exposures, decodedBytes, admitted, MessageTypes.FLAG_EXPOSED,
                RoutingKeys.EXPOSURES_BATCH,
                (attribution, chunk) -> new FlagExposed(attribution.project(), attribution.environment(), chunk));
    }

    /** Counts a request refused before normalisation. */
    public void refused(Signal signal, IngestException e) {
        metrics.rejected(signal, e.reason(), 1);
    }

    private <T> Uni<Void> publish(Signal signal, Normalized<T> normalized, long decodedBytes, boolean admitted,
                                  String type,
                                  String routingKey, BiFunction<Attribution, List<T>, Object> payload) {
        metrics.received(signal, normalized.received());
        if (normalized.rejected() > 0) {
            metrics.rejected(signal, IngestMetrics.INVALID_ITEM, normalized.rejected());
        }
        int accepted = normalized.acceptedCount();
        if (accepted == 0) {
            return Uni.createFrom().voidItem();
        }
        if (!publisher.connected()) {
            return refuse(signal, new IngestException(Kind.UNAVAILABLE, "the message broker is not reachable"));
        }
        if (!admitted && !budget.tryAcquire(decodedBytes)) {
            return refuse(signal, new IngestException(Kind.OVERLOADED, "too much telemetry is waiting for the broker"));
        }
        Instant now = clock.instant();
        List<Uni<Void>> sends = new ArrayList<>();
        for (Map.Entry<Attribution, List<T>> entry : normalized.accepted().entrySet()) {
            for (List<T> chunk : chunks(entry.getValue())) {
                UUID id = UUID.randomUUID();
                byte[] body = MessageCodec.encode(id, type, SOURCE, now, payload.apply(entry.getKey(), chunk));
                sends.add(timed(publisher.publish(id, type, routingKey, now, body)));
            }
        }
        return Uni.join().all(sends).andFailFast()
                .ifNoItem().after(confirmTimeout)
                .failWith(() -> new IngestException(Kind.UNAVAILABLE, "the message broker did not confirm in time"))
                .onFailure().transform(e -> e instanceof IngestException ? e
                        : new IngestException(Kind.UNAVAILABLE, "the message broker refused the telemetry", e))
                .onItem().invoke(() -> metrics.published(signal, accepted))
                .onFailure().invoke(e -> metrics.rejected(signal, ((IngestException) e).reason(), 1))
                .onTermination().invoke(() -> {
                    if (!admitted) {
                        budget.release(decodedBytes);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> timed(Uni<Void> send) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return send.onItem().invoke(() -> metrics.publishLatency(Duration.ofNanos(System.nanoTime() - started)));
        });
    }

    private Uni<Void> refuse(Signal signal, IngestException e) {
        metrics.rejected(signal, e.reason(), 1);
        return Uni.createFrom().failure(e);
    }

    private <T> List<List<T>> chunks(List<T> items) {
        if (items.size() <= maxSpansPerMessage) {
            return List.of(items);
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += maxSpansPerMessage) {
            chunks.add(items.subList(from, Math.min(items.size(), from + maxSpansPerMessage)));
        }
        return chunks;
    }
}
