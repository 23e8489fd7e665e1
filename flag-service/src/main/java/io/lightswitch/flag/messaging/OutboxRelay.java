package io.lightswitch.flag.messaging;

import io.lightswitch.flag.config.LightswitchConfig;
import io.lightswitch.flag.persistence.OutboxMessage;
import io.lightswitch.flag.persistence.OutboxRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes outbox messages with publisher confirms and marks them published only once the broker
 * confirmed. Runs right after each commit ({@link #kick}) and every second as a retry loop, so events
 * committed while RabbitMQ is down go out when it is back. Delivery is at least once: consumers
 * deduplicate on the envelope id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final FlagEventPublisher publisher;
    private final Vertx vertx;
    private final int batchSize;
    private final Duration retention;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean brokerAway;
    private final Counter published;
    private final Counter failed;

    public OutboxRelay(OutboxRepository repository, FlagEventPublisher publisher,
                       Vertx vertx, LightswitchConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.publisher = publisher;
        this.vertx = vertx;
        this.batchSize = config.outbox().batchSize();
        this.retention = config.outbox().retention();
        this.published = registry.counter("lightswitch.outbox.published");
        this.failed = registry.counter("lightswitch.outbox.publish.failures");
    }

    /** Asks for a relay pass soon; cheap and safe to call from any thread after a commit. */
    public void kick() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> drainWhileRequested());
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryLoop() {
        kick();
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgePublished() {
        Instant cutoff = Instant.now().minus(retention);
        return Panache.withTransaction(() -> repository.deletePublishedBefore(cutoff)).replaceWithVoid();
    }

    private void drainWhileRequested() {
        requested.set(false);
        // While the broker refuses, a single row probes for its return: each unconfirmed send stays
        // queued in the connector and is delivered again on reconnect, so whole batches would pile up.
        int limit = brokerAway ? 1 : batchSize;
        Panache.withTransaction(() -> relayBatch(limit))
                .subscribe().with(pass -> {
                    running.set(false);
                    boolean brokerRefused = pass.claimed() > 0 && pass.confirmed() == 0;
                    brokerAway = brokerRefused;
                    if (pass.confirmed() == limit || (requested.get() && !brokerRefused)) {
                        kick();
                    }
                }, failure -> {
                    running.set(false);
                    LOG.debugf(failure, "outbox relay pass failed; retrying on the next pass");
                });
    }

    private record Pass(int claimed, int confirmed) {
    }

    private Uni<Pass> relayBatch(int limit) {
        return repository.claimUnpublished(limit).chain(messages -> {
            if (messages.isEmpty()) {
                return Uni.createFrom().item(new Pass(0, 0));
            }
            List<Uni<Void>> publishes = messages.stream().map(this::publish).toList();
            return Uni.join().all(publishes).andCollectFailures()
                    .onFailure().recoverWithItem(List.of())
                    .map(ignored -> new Pass(messages.size(),
                            (int) messages.stream().filter(m -> m.publishedAt != null).count()));
        });
    }

    private Uni<Void> publish(OutboxMessage message) {
        return publisher.publish(message.id, message.type, message.routingKey, message.createdAt,
                        message.body.getBytes(StandardCharsets.UTF_8))
                .onItem().invoke(() -> {
                    message.publishedAt = Instant.now();
                    published.increment();
                })
                .onFailure().invoke(e -> {
                    message.attempts++;
                    failed.increment();
                    LOG.debugf("publishing %s %s failed: %s", message.type, message.id, e.getMessage());
                });
    }
}
