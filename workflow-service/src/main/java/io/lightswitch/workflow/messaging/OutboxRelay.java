package io.lightswitch.workflow.messaging;

import io.lightswitch.workflow.config.WorkflowConfig;
import io.lightswitch.workflow.domain.WorkflowMetrics;
import io.lightswitch.workflow.persistence.ExecutionRow;
import io.lightswitch.workflow.persistence.OutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes the commands incidents queued in the outbox, with publisher confirms, and marks a row published
 * only once the broker confirmed it. Runs after each commit that queued commands ({@link #kick}) and every
 * second as a retry loop, so commands committed while RabbitMQ is away go out when it is back. Replicas relay
 * in parallel without overlap (SKIP LOCKED). Delivery is at least once: flag-service applies a command once
 * per command id, which is also the envelope id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final OutboxStore outbox;
    private final CommandPublisher publisher;
    private final WorkflowMetrics metrics;
    private final int batchSize;
    private final Duration retention;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Counter published;
    private final Counter failed;
    // While the broker refuses, one row at a time probes for its return: unconfirmed sends stay queued in the
    // connector and would all be sent again on reconnect.
    private volatile boolean brokerAway;

    public OutboxRelay(Pool pool, OutboxStore outbox, CommandPublisher publisher, WorkflowMetrics metrics,
                       WorkflowConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.outbox = outbox;
        this.publisher = publisher;
        this.metrics = metrics;
        this.batchSize = config.outbox().batchSize();
        this.retention = config.outbox().retention();
        this.published = registry.counter("lightswitch.outbox.published");
        this.failed = registry.counter("lightswitch.outbox.publish.failures");
    }

    /** Asks for a relay run soon; cheap and safe to call from any thread after a commit. */
    public void kick() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            drain();
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryLoop() {
        kick();
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgePublished() {
        return outbox.purgePublishedBefore(pool, Instant.now().minus(retention)).replaceWithVoid();
    }

    private void drain() {
        requested.set(false);
        int limit = brokerAway ? 1 : batchSize;
        pool.withTransaction(connection -> relay(connection, limit)).subscribe().with(relayed -> {
            running.set(false);
            relayed.types().forEach(type -> metrics.action(type, ExecutionRow.PUBLISHED));
            boolean refused = relayed.claimed() > 0 && relayed.types().isEmpty();
            brokerAway = refused;
            if (relayed.types().size() == limit || (requested.get() && !refused)) {
                kick();
            }
        }, failure -> {
            running.set(false);
            LOG.debugf(failure, "outbox relay failed; retrying on the next run");
        });
    }

    /** @param types the type of each confirmed command */
    private record Relayed(int claimed, List<String> types) {
    }

    private Uni<Relayed> relay(SqlConnection connection, int limit) {
        return outbox.claim(connection, limit).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(new Relayed(0, List.of()));
            }
            List<Uni<Optional<OutboxStore.Pending>>> sends = new ArrayList<>();
            for (OutboxStore.Pending row : rows) {
                sends.add(publisher.publish(row.id(), row.type(), row.routingKey(), row.createdAt(), row.body())
                        .onItem().transform(ignored -> {
                            published.increment();
                            return Optional.of(row);
                        })
                        .onFailure().recoverWithItem(e -> {
                            failed.increment();
                            LOG.debugf("publishing command %s failed: %s", row.id(), e.getMessage());
                            return Optional.<OutboxStore.Pending>empty();
                        }));
            }
            return Uni.join().all(sends).andFailFast().chain(results -> {
                List<OutboxStore.Pending> confirmed = results.stream().flatMap(Optional::stream).toList();
                UUID[] confirmedIds = confirmed.stream().map(OutboxStore.Pending::id).toArray(UUID[]::new);
                UUID[] failedIds = rows.stream().map(OutboxStore.Pending::id)
                        .filter(id -> confirmed.stream().noneMatch(c -> c.id().equals(id))).toArray(UUID[]::new);
                Relayed relayed = new Relayed(rows.size(), confirmed.stream().map(OutboxStore.Pending::type).toList());
                Uni<Void> marked = confirmedIds.length == 0 ? Uni.createFrom().voidItem()
                        : outbox.markPublished(connection, confirmedIds);
                return marked.chain(() -> failedIds.length == 0 ? Uni.createFrom().voidItem()
                                : outbox.countFailedAttempts(connection, failedIds))
                        .replaceWith(relayed);
            });
        });
    }
}
