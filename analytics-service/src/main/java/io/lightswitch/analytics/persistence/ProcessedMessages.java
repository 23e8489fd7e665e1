package io.lightswitch.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The idempotency guard: a message's id is recorded in the transaction that writes its effects. An id
 * already recorded, or being recorded by another replica's open transaction (the insert waits for it),
 * is not new.
 */
@ApplicationScoped
public class ProcessedMessages {

    private static final String CLAIM = """
            insert into processed_message (id, type)
            select * from unnest($1::text[], $2::text[])
            on conflict (id) do nothing
            returning id""";

    /** The ids among {@code ids} that no committed or concurrent transaction has claimed. */
    public Uni<Set<String>> claim(SqlConnection connection, List<String> ids, List<String> types) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery(CLAIM)
                .execute(Tuple.of(ids.toArray(String[]::new), types.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> claimed = new HashSet<>();
                    for (Row row : rows) {
                        claimed.add(row.getString(0));
                    }
                    return claimed;
                });
    }
}
