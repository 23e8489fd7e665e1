package io.lightswitch.analytics.intake;

import io.lightswitch.analytics.config.IntakeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Collects messages and writes them in batches, one flush at a time per replica: a flush
 * starts when the batch is full or its oldest message has waited the flush interval. Messages are
 * acknowledged after their flush commits. When a flush fails, its messages are retried one by one, so
 * one bad message cannot hold back the others: a message that fails alone on its data is
 * dead-lettered; one that fails for a transient reason (connection, deadlock) is requeued.
 */
@ApplicationScoped
public class IntakePipeline {

    private static final Logger LOG = Logger.getLogger(IntakePipeline.class);
    private static final Duration REQUEUE_PAUSE = Duration.ofSeconds(1);

    private final IntakeWriter writer;
    private final DeadLetters deadLetters;
    private final IntakeMetrics metrics;
    private final IntakeConfig config;
    private final Vertx vertx;
    private final Object lock = new Object();
    private PendingBatch pending = new PendingBatch();
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private boolean flushing;
    private boolean stopping;
    private long timer = -1;

    public IntakePipeline(IntakeWriter writer, DeadLetters deadLetters, IntakeMetrics metrics, IntakeConfig config,
                          Vertx vertx) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        long tick = Math.max(10, config.flushInterval().toMillis() / 4);
        timer = vertx.setPeriodic(tick, id -> flushIfDue());
    }

    /**
     * Graceful shutdown: no new flush starts, and the one in flight gets up to {@link #DRAIN} to commit and
     * acknowledge. Messages not yet flushed stay unacknowledged and the broker redelivers them to another
     * replica (or this one after a restart); their ids make that safe.
     */
    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        long deadline = System.nanoTime() + DRAIN.toNanos();
        synchronized (lock) {
            stopping = true;
            while (flushing && System.nanoTime() < deadline) {
                try {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Called on a worker thread: adding aggregates the message's telemetry. */
    public void add(IntakeItem item) {
        synchronized (lock) {
            if (pending.isEmpty()) {
                pending = new PendingBatch();
            }
            pending.add(item);
        }
        flushIfDue();
    }

    /** Messages decoded but not yet committed (for tests and readiness). */
    public int pending() {
        synchronized (lock) {
            return pending.size();
        }
    }

    private void flushIfDue() {
        PendingBatch batch;
        synchronized (lock) {
            if (flushing || stopping || pending.isEmpty()) {
                return;
            }
            boolean full = pending.weight() >= config.maxSpansPerFlush() || pending.size() >= config.maxMessagesPerFlush();
            if (!full && pending.ageNanos() < config.flushInterval().toNanos()) {
                return;
            }
            batch = pending;
            pending = new PendingBatch();
            flushing = true;
        }
        long started = System.nanoTime();
        List<IntakeItem> items = batch.items();
        writer.write(batch)
                .invoke(written -> metrics.flushed(written, Duration.ofNanos(System.nanoTime() - started)))
                .chain(written -> ackAll(items))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("a flush of %d messages failed (%s); writing them one by one", items.size(), failure.toString());
                    return items.size() == 1 ? settleFailed(items.get(0), failure) : oneByOne(items);
                })
                .onTermination().invoke(() -> {
                    synchronized (lock) {
                        flushing = false;
                        lock.notifyAll();
                    }
                })
                .subscribe().with(ignored -> flushIfDue(), failure -> {
                    LOG.error("intake flush ended abnormally", failure);
                    flushIfDue();
                });
    }

    private Uni<Void> oneByOne(List<IntakeItem> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (IntakeItem item : batch) {
            chain = chain.chain(() -> {
                long started = System.nanoTime();
                return writer.write(item)
                        .invoke(written -> metrics.flushed(written, Duration.ofNanos(System.nanoTime() - started)))
                        .chain(written -> ack(item))
                        .onFailure().recoverWithUni(failure -> settleFailed(item, failure));
            });
        }
        return chain;
    }

    private Uni<Void> settleFailed(IntakeItem item, Throwable failure) {
        if (isDataError(failure)) {
            return deadLetters.send(item.message(), item.queue(), "cannot store " + item.type() + ": " + failure.getMessage());
        }
        LOG.warnf("requeueing %s %s after a transient failure: %s", item.type(), item.id(), failure.toString());
        return Uni.createFrom().voidItem().onItem().delayIt().by(REQUEUE_PAUSE)
                .chain(() -> Uni.createFrom().completionStage(
                        item.message().nack(failure, Metadata.of(new RabbitMQRejectMetadata(true)))));
    }

    /**
     * Failures that the same message will meet again: invalid data for PostgreSQL (SQLSTATE classes 22
     * and 23) or a value our own code rejects. Connection loss, deadlocks and timeouts are transient.
     */
    static boolean isDataError(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null && (state.startsWith("22") || state.startsWith("23"));
            }
            if (cause instanceof IllegalArgumentException || cause instanceof PoisonMessageException
                    || cause instanceof ArithmeticException || cause instanceof NullPointerException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    private Uni<Void> ackAll(List<IntakeItem> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (IntakeItem item : batch) {
            chain = chain.chain(() -> ack(item));
        }
        return chain;
    }

    private static Uni<Void> ack(IntakeItem item) {
        return Uni.createFrom().completionStage(item.message().ack());
    }
}
