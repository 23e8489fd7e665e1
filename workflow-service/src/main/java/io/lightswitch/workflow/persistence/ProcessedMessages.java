package io.lightswitch.workflow.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The idempotency guard of the consumers: a message's envelope id is claimed in the transaction that writes
 * its effects. An id already committed, or being claimed by another replica's open transaction (the insert
 * waits for it), is not new.
 */
@ApplicationScoped
public class ProcessedMessages {

    public Uni<Boolean> claim(SqlClient client, UUID id, String type) {
        return client.preparedQuery("insert into processed_message (id, type) values ($1, $2)"
                        + " on conflict (id) do nothing")
                .execute(Tuple.of(id, type)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Integer> purgeBefore(SqlClient client, Instant cutoff) {
        return client.preparedQuery("delete from processed_message where processed_at < $1")
                .execute(Tuple.of(Sql.utc(cutoff))).map(rows -> rows.rowCount());
    }
}
