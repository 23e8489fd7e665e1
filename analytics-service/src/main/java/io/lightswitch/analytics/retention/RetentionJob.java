package io.lightswitch.analytics.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Deletes what is older than its retention, once a day, in batches so no statement holds locks for long. One
 * replica at a time runs it: a session-level advisory lock held on the connection doing the deletes, released
 * when it is done (or when the connection drops). Span ends, which only bridge a few minutes, are also purged
 * every minute, so the table stays small between daily runs.
 */
@ApplicationScoped
public class RetentionJob {

    static final long LOCK = 0x4c53_5245_5445_4e54L;
    static final long SPAN_END_LOCK = 0x4c53_5350_414e_454eL;
    static final int BATCH = 10_000;

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private static final String SERIES = """
            delete from analytics.series where id in (
                select id from analytics.series where resolution = $1 and bucket_start < $2 limit $3)""";
    // Deleting a session takes its timeline and replay with it.
    private static final String SESSIONS = """
            with gone as (
                delete from analytics.session where (project, environment, session_id) in (
                    select project, environment, session_id from analytics.session where last_seen < $1 limit $2)
                returning project, environment, session_id),
            events as (
                delete from analytics.session_event e using gone g
                where e.project = g.project and e.environment = g.environment and e.session_id = g.session_id),
            replays as (
                delete from analytics.session_replay r using gone g
                where r.project = g.project and r.environment = g.environment and r.session_id = g.session_id)
            select count(*) from gone""";
    private static final String PROCESSED_MESSAGES = """
            delete from analytics.processed_message where id in (
                select id from analytics.processed_message where processed_at < $1 limit $2)""";
    private static final String SPAN_ENDS = """
            delete from analytics.span_end where ctid in (
                select ctid from analytics.span_end where at < $1 limit $2)""";
    private static final String PUBLISHED_MESSAGES = """
            delete from analytics.outbox where id in (
                select id from analytics.outbox where published_at < $1 limit $2)""";

    private final Pool pool;
    private final RetentionSettings settings;
    private final MeterRegistry registry;

    public RetentionJob(Pool pool, RetentionSettings settings, MeterRegistry registry) {
        this.pool = pool;
        this.settings = settings;
        this.registry = registry;
    }

    @Scheduled(every = "24h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return settings.enabled() ? logged(purge(Instant.now())) : Uni.createFrom().voidItem();
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> everyMinute() {
        return settings.enabled() ? logged(purgeSpanEnds(Instant.now())) : Uni.createFrom().voidItem();
    }

    /**
     * Deletes everything past its retention as of {@code now}; rows deleted per table (series per resolution),
     * or an empty map when another replica is running it.
     */
    public Uni<Map<String, Long>> purge(Instant now) {
        return locked(LOCK, connection -> {
            Map<String, Long> deleted = new LinkedHashMap<>();
            return series(connection, 10, now.minus(settings.series10s()), deleted)
                    .chain(() -> series(connection, 60, now.minus(settings.series1m()), deleted))
                    .chain(() -> series(connection, 3600, now.minus(settings.series1h()), deleted))
                    .chain(() -> count(connection, SESSIONS, now.minus(settings.sessions()), true)
                            .invoke(n -> deleted.put("session", n)))
                    .chain(() -> count(connection, PROCESSED_MESSAGES, now.minus(settings.processedMessages()), false)
                            .invoke(n -> deleted.put("processed_message", n)))
                    .chain(() -> count(connection, SPAN_ENDS, now.minus(settings.spanEnds()), false)
                            .invoke(n -> deleted.put("span_end", n)))
                    .chain(() -> count(connection, PUBLISHED_MESSAGES, now.minus(settings.publishedMessages()), false)
                            .invoke(n -> deleted.put("outbox", n)))
                    .map(ignored -> {
                        deleted.forEach((table, n) -> registry.counter("lightswitch.retention.deleted", "table", table)
                                .increment(n));
                        return deleted;
                    });
        });
    }

    public Uni<Map<String, Long>> purgeSpanEnds(Instant now) {
        return locked(SPAN_END_LOCK, connection -> count(connection, SPAN_ENDS, now.minus(settings.spanEnds()), false)
                .map(n -> Map.of("span_end", n)));
    }

    private Uni<Void> series(SqlConnection connection, int resolution, Instant cutoff, Map<String, Long> deleted) {
        return drain(connection, SERIES, Tuple.of(resolution, utc(cutoff), BATCH), false)
                .invoke(n -> deleted.put("series_" + resolution + "s", n))
                .replaceWithVoid();
    }

    private Uni<Long> count(SqlConnection connection, String sql, Instant cutoff, boolean countInResult) {
        return drain(connection, sql, Tuple.of(utc(cutoff), BATCH), countInResult);
    }

    /** Repeats one batched delete (autocommit, one batch per transaction) until a batch comes back short. */
    private Uni<Long> drain(SqlConnection connection, String sql, Tuple params, boolean countInResult) {
        return connection.preparedQuery(sql).execute(params).chain(rows -> {
            long n = countInResult ? rows.iterator().next().getLong(0) : rows.rowCount();
            return n < BATCH
                    ? Uni.createFrom().item(n)
                    : drain(connection, sql, params, countInResult).map(more -> more + n);
        });
    }

    private Uni<Map<String, Long>> locked(long key, Function<SqlConnection, Uni<Map<String, Long>>> work) {
        return pool.withConnection(connection -> connection.query("select pg_try_advisory_lock(" + key + ")").execute()
                .chain(rows -> {
                    if (!rows.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(Map.<String, Long>of());
                    }
                    return work.apply(connection).eventually(() -> connection
                            .query("select pg_advisory_unlock(" + key + ")").execute());
                }));
    }

    private static Uni<Void> logged(Uni<Map<String, Long>> purge) {
        return purge
                .invoke(deleted -> LOG.debugf("retention deleted %s", deleted))
                .onFailure().invoke(e -> LOG.warnf(e, "retention failed; the next run starts over"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
