package io.lightswitch.analytics.retention;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RetentionJobTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RetentionJob job;

    @Inject
    Pool pool;

    private Instant now;
    private String project;

    @BeforeEach
    void uniqueProject() {
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        project = "retain-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void deletesWhatIsPastItsRetentionAndKeepsTheRest() {
        series(10, hoursAgo(49), "old");
        series(10, hoursAgo(47), "fresh");
        series(60, daysAgo(15), "old");
        series(60, daysAgo(13), "fresh");
        series(3600, daysAgo(401), "old");
        series(3600, daysAgo(399), "fresh");
        session("old-session", daysAgo(31));
        session("fresh-session", daysAgo(29));
        processedMessage(project + "-old", daysAgo(8));
        processedMessage(project + "-fresh", daysAgo(6));
        spanEnd("old-span", now.minus(Duration.ofMinutes(11)));
        spanEnd("fresh-span", now.minus(Duration.ofMinutes(9)));
        outbox("published-old", daysAgo(2), daysAgo(2));
        outbox("published-fresh", hoursAgo(23), hoursAgo(23));

        Map<String, Long> deleted = job.purge(now).await().atMost(WAIT);

        assertThat(deleted).containsKeys("series_10s", "series_60s", "series_3600s", "session", "processed_message",
                "span_end", "outbox");
        assertThat(deleted.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(strings("select operation from analytics.series where project = $1 order by resolution"))
                .containsExactly("fresh", "fresh", "fresh");
        assertThat(strings("select session_id from analytics.session where project = $1"))
                .containsExactly("fresh-session");
        assertThat(strings("select session_id from analytics.session_event where project = $1"))
                .containsExactly("fresh-session");
        assertThat(strings("select session_id from analytics.session_replay where project = $1"))
                .containsExactly("fresh-session");
        assertThat(strings("select id from analytics.processed_message where id like $1 || '%'"))
                .containsExactly(project + "-fresh");
        assertThat(strings("select span_id from analytics.span_end where project = $1"))
                .containsExactly("fresh-span");
        assertThat(strings("select routing_key from analytics.outbox"
                + " where convert_from(body, 'UTF8')::jsonb -> 'payload' ->> 'project' = $1"))
                .containsExactly("published-fresh");
    }

    @Test
    void skipsWhileAnotherReplicaIsPurging() {
        series(10, hoursAgo(49), "old");

        Map<String, Long> deleted = pool.withConnection(other -> other
                        .query("select pg_advisory_lock(" + RetentionJob.LOCK + ")").execute()
                        .chain(() -> job.purge(now))
                        .call(() -> other.query("select pg_advisory_unlock(" + RetentionJob.LOCK + ")").execute()))
                .await().atMost(WAIT);

        assertThat(deleted).isEmpty();
        assertThat(strings("select operation from analytics.series where project = $1")).containsExactly("old");
        job.purge(now).await().atMost(WAIT);
        assertThat(strings("select operation from analytics.series where project = $1")).isEmpty();
    }

    private void series(int resolution, Instant bucket, String operation) {
        execute("""
                insert into analytics.series (id, resolution, bucket_start, project, environment, flag_key, variant,
                    service, operation, requests) values ($1, $2, $3, $4, 'production', '', '', 'svc', $5, 1)""",
                UUID.randomUUID().toString(), resolution, utc(bucket), project, operation);
    }

    private void session(String id, Instant lastSeen) {
        execute("""
                insert into analytics.session (project, environment, session_id, first_seen, last_seen)
                values ($1, 'production', $2, $3, $3)""", project, id, utc(lastSeen));
        execute("""
                insert into analytics.session_event (project, environment, session_id, first_at, last_at, entries)
                values ($1, 'production', $2, $3, $3, '[{"kind": "page_load", "name": "/"}]'::jsonb)""",
                project, id, utc(lastSeen));
        execute("""
                insert into analytics.session_replay (project, environment, session_id, seq, at, events)
                values ($1, 'production', $2, 0, $3, '[]'::jsonb)""", project, id, utc(lastSeen));
    }

    private void processedMessage(String id, Instant at) {
        execute("insert into analytics.processed_message (id, type, processed_at) values ($1, 'SpanBatch', $2)", id,
                utc(at));
    }

    private void spanEnd(String spanId, Instant at) {
        execute("""
                insert into analytics.span_end (project, environment, span_id, role, service, error, flags, at)
                values ($1, 'production', $2, 'p', 'svc', false, '{}'::jsonb, $3)""", project, spanId, utc(at));
    }

    /** A published outbox row whose body names the project, so the test finds its own rows. */
    private void outbox(String routingKey, Instant createdAt, Instant publishedAt) {
        execute("""
                insert into analytics.outbox (id, routing_key, body, created_at, published_at)
                values ($1, $2, convert_to(json_build_object('payload', json_build_object('project', $3::text))::text,
                    'UTF8'), $4, $5)""", UUID.randomUUID(), routingKey, project, utc(createdAt), utc(publishedAt));
    }

    private List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(project)).await().atMost(WAIT)
                .forEach(row -> values.add(row.getString(0)));
        return values;
    }

    private void execute(String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(params))).await().atMost(WAIT);
    }

    private Instant hoursAgo(long hours) {
        return now.minus(Duration.ofHours(hours));
    }

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
