package io.lightswitch.workflow.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Table {@code outbox}: commands waiting for the relay. */
@ApplicationScoped
public class OutboxStore {

    /** An unpublished command; {@code body} is the encoded envelope. */
    public record Pending(UUID id, String routingKey, String type, byte[] body, Instant createdAt) {
    }

    /** The oldest unpublished rows, locked (SKIP LOCKED: replicas relay in parallel without overlap). */
    public Uni<List<Pending>> claim(SqlClient client, int limit) {
        return client.preparedQuery("select id, routing_key, type, body, created_at from outbox"
                        + " where published_at is null order by created_at limit $1 for update skip locked")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Pending> pending = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        pending.add(new Pending(row.getUUID(0), row.getString(1), row.getString(2),
                                row.getBuffer(3).getBytes(), row.getOffsetDateTime(4).toInstant()));
                    }
                    return pending;
                });
    }

    /** Marks confirmed commands published, and their executions with them unless already confirmed. */
    public Uni<Void> markPublished(SqlClient client, UUID[] ids) {
        return client.preparedQuery("update outbox set published_at = now() where id = any($1)")
                .execute(Tuple.of(ids))
                .chain(() -> client.preparedQuery("update action_execution set status = 'published',"
                                + " attempts = attempts + 1, updated_at = now()"
                                + " where command_id = any($1) and status = 'queued'")
                        .execute(Tuple.of(ids)))
                .replaceWithVoid();
    }

    public Uni<Void> countFailedAttempts(SqlClient client, UUID[] ids) {
        return client.preparedQuery("update outbox set attempts = attempts + 1 where id = any($1)")
                .execute(Tuple.of(ids)).replaceWithVoid();
    }

    public Uni<Integer> purgePublishedBefore(SqlClient client, Instant cutoff) {
        return client.preparedQuery("delete from outbox where published_at < $1")
                .execute(Tuple.of(Sql.utc(cutoff))).map(rows -> rows.rowCount());
    }
}
