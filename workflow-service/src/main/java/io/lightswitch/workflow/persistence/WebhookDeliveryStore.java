package io.lightswitch.workflow.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lightswitch.contracts.MessageCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Table {@code webhook_delivery}, the queue of webhook calls, and the executions it reports to. */
@ApplicationScoped
public class WebhookDeliveryStore {

    /**
     * Claims due deliveries in one statement: SKIP LOCKED keeps replicas apart, and moving next_attempt_at past
     * the lease keeps a claimed delivery from being claimed again while its attempt runs.
     */
    private static final String CLAIM = """
            update webhook_delivery d
               set next_attempt_at = now() + make_interval(secs => $2), attempts = d.attempts + 1
              from (select id from webhook_delivery
                     where status = 'pending' and next_attempt_at <= now()
                     order by next_attempt_at limit $1 for update skip locked) due
             where d.id = due.id
            returning d.id, d.incident_id, d.action_index, d.url, d.method, d.headers::text, d.body, d.max_attempts,
                      d.initial_backoff_ms, d.attempts""";

    /** Applies an attempt's outcome unless another claim took the delivery over meanwhile (its lease ran out). */
    private static final String RECORD_DELIVERY = """
            update webhook_delivery
               set status = $3, next_attempt_at = coalesce($4, next_attempt_at),
                   attempt_log = attempt_log || jsonb_build_array($5::text::jsonb),
                   finished_at = case when $3 = 'pending' then null else now() end
             where id = $1 and attempts = $2 and status = 'pending'""";

    private static final String RECORD_EXECUTION = """
            update action_execution
               set status = $3, attempts = $4, response_status = $5, response_body = $6, detail = $7,
                   updated_at = now()
             where incident_id = $1 and action_index = $2""";

    public record Claimed(UUID id, UUID incidentId, int actionIndex, String url, String method,
                          Map<String, String> headers, String body, int maxAttempts, Duration initialBackoff,
                          int attempt) {
    }

    /**
     * What one attempt came to.
     *
     * @param status      the HTTP status, or null when there was none (connect, timeout, reset)
     * @param nextAttempt when to try again, or null when delivery is over
     * @param outcome     {@code pending} (retry), {@code delivered} or {@code failed}
     */
    public record Attempt(Instant at, Integer status, String error, String response, long durationMs,
                          String outcome, Instant nextAttempt) {
    }

    public Uni<List<Claimed>> claim(Pool pool, int limit, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, lease.toMillis() / 1000.0)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                claimed.add(new Claimed(row.getUUID(0), row.getUUID(1), row.getInteger(2), row.getString(3),
                        row.getString(4), headers(row.getString(5)), row.getString(6), row.getInteger(7),
                        Duration.ofMillis(row.getLong(8)), row.getInteger(9)));
            }
            return claimed;
        });
    }

    /** False when the delivery was taken over by another claim, in which case nothing is written. */
    public Uni<Boolean> record(SqlClient client, Claimed delivery, Attempt attempt) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("attempt", delivery.attempt());
        log.put("at", attempt.at().toString());
        log.put("status", attempt.status());
        log.put("error", attempt.error());
        log.put("durationMs", attempt.durationMs());
        String logEntry = MessageCodec.tree(log).toString();
        return client.preparedQuery(RECORD_DELIVERY)
                .execute(Sql.tuple(delivery.id(), delivery.attempt(), attempt.outcome(),
                        Sql.utc(attempt.nextAttempt()), logEntry))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : client.preparedQuery(RECORD_EXECUTION)
                                .execute(Sql.tuple(delivery.incidentId(),
                                        delivery.actionIndex(), attempt.outcome(), delivery.attempt(),
                                        attempt.status(), attempt.response(), attempt.error()))
                                .replaceWith(true));
    }

    private static Map<String, String> headers(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            MessageCodec.mapper().readTree(json).fields()
                    .forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored headers", e);
        }
        return headers;
    }
}
