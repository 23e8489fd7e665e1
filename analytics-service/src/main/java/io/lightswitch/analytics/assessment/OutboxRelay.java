package io.lightswitch.analytics.assessment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox rows a detection pass committed, with publisher confirms, and marks a row published only
 * once the broker confirmed it. Runs after each pass that wrote messages ({@link #kick}) and every second as a
 * retry loop, so verdicts committed while RabbitMQ is away go out when it is back. Replicas relay in parallel
 * without overlap (SKIP LOCKED). Delivery is at least once: consumers deduplicate on the envelope id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private static final String CLAIM = """
            select id, routing_key, body, created_at from analytics.outbox
            where published_at is null order by created_at limit $1 for update skip locked""";
    private static final String MARK = "update analytics.outbox set published_at = now() where id = any($1)";

    private final Pool pool;
    private final AnalyticsEventPublisher publisher;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Counter published;
    private final Counter failed;
    // While the broker refuses, one row at a time probes for its return: unconfirmed sends stay queued in the
    // connector and would all be sent again on reconnect.
    private volatile boolean brokerAway;

    public OutboxRelay(Pool pool, AnalyticsEventPublisher publisher, MeterRegistry registry) {
        this.pool = pool;
        this.publisher = publisher;
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

    private void drain() {
        requested.set(false);
        int limit = brokerAway ? 1 : BATCH;
        pool.withTransaction(connection -> relay(connection, limit)).subscribe().with(relayed -> {
            running.set(false);
            boolean refused = relayed.claimed() > 0 && relayed.confirmed() == 0;
            brokerAway = refused;
            if (relayed.confirmed() == limit || (requested.get() && !refused)) {
                kick();
            }
        }, failure -> {
            running.set(false);
            LOG.debugf(failure, "outbox relay failed; retrying on the next run");
        });
    }

    private record Relayed(int claimed, int confirmed) {
    }

    private Uni<Relayed> relay(SqlConnection connection, int limit) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(limit)).chain(rows -> {
            List<Uni<Optional<UUID>>> sends = new ArrayList<>();
            for (Row row : rows) {
                UUID id = row.getUUID(0);
                sends.add(publisher.publish(id, row.getString(1), row.getOffsetDateTime(3).toInstant(),
                                row.getBuffer(2).getBytes())
                        .onItem().transform(ignored -> {
                            published.increment();
                            return Optional.of(id);
                        })
                        .onFailure().recoverWithItem(e -> {
                            failed.increment();
                            LOG.debugf("publishing %s failed: %s", id, e.getMessage());
                            return Optional.<UUID>empty();
                        }));
            }
            if (sends.isEmpty()) {
                return Uni.createFrom().item(new Relayed(0, 0));
            }
            return Uni.join().all(sends).andFailFast().chain(ids -> {
                UUID[] confirmed = ids.stream().flatMap(Optional::stream).toArray(UUID[]::new);
                Relayed relayed = new Relayed(sends.size(), confirmed.length);
                if (confirmed.length == 0) {
                    return Uni.createFrom().item(relayed);
                }
                return connection.preparedQuery(MARK).execute(Tuple.of(confirmed)).replaceWith(relayed);
            });
        });
    }
}
