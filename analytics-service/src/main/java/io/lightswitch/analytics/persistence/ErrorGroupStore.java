package io.lightswitch.analytics.persistence;

import io.lightswitch.analytics.aggregate.ErrorCell;
import io.lightswitch.analytics.aggregate.ErrorKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds a flush's error occurrences to their groups: counts and times in SQL; the users sketch is read
 * and merged in Java under the row lock that the upsert already holds.
 */
@ApplicationScoped
public class ErrorGroupStore {

    private static final String UPSERT = """
            insert into error_group (id, project, environment, flag_key, variant, fingerprint, source, service,
                                     error_type, message, top_frame, occurrences, first_seen, last_seen,
                                     sample_stack, sample_message)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::text[], $10::text[], $11::text[], $12::int8[], $13::timestamptz[],
                                 $14::timestamptz[], $15::text[], $16::text[])
            on conflict (id) do update set
                occurrences = error_group.occurrences + excluded.occurrences,
                first_seen = least(error_group.first_seen, excluded.first_seen),
                last_seen = greatest(error_group.last_seen, excluded.last_seen),
                sample_stack = coalesce(error_group.sample_stack, excluded.sample_stack),
                sample_message = coalesce(error_group.sample_message, excluded.sample_message)
            returning id, users_hll""";

    private static final String USERS = """
            update error_group g set users_hll = v.users_hll
            from unnest($1::text[], $2::bytea[]) as v(id, users_hll) where g.id = v.id""";

    private record Entry(String id, ErrorKey key, ErrorCell cell) {
    }

    public Uni<Void> merge(SqlConnection connection, Map<ErrorKey, ErrorCell> cells) {
        if (cells.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Entry> rows = new ArrayList<>();
        cells.forEach((key, cell) -> rows.add(new Entry(key.id(), key, cell)));
        rows.sort(java.util.Comparator.comparing(Entry::id));
        Tuple upsert = Tuple.of(SqlArrays.text(rows, Entry::id))
                .addValue(SqlArrays.text(rows, e -> e.key().project()))
                .addValue(SqlArrays.text(rows, e -> e.key().environment()))
                .addValue(SqlArrays.text(rows, e -> e.key().flagKey()))
                .addValue(SqlArrays.text(rows, e -> e.key().variant()))
                .addValue(SqlArrays.text(rows, e -> e.key().fingerprint()))
                .addValue(SqlArrays.text(rows, e -> e.cell().source()))
                .addValue(SqlArrays.text(rows, e -> e.cell().service()))
                .addValue(SqlArrays.text(rows, e -> e.cell().errorType()))
                .addValue(SqlArrays.text(rows, e -> e.cell().message()))
                .addValue(SqlArrays.text(rows, e -> e.cell().topFrame()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().occurrences()))
                .addValue(SqlArrays.timestamps(rows, e -> e.cell().firstSeen()))
                .addValue(SqlArrays.timestamps(rows, e -> e.cell().lastSeen()))
                .addValue(SqlArrays.text(rows, e -> e.cell().sampleStack()))
                .addValue(SqlArrays.text(rows, e -> e.cell().sampleMessage()));
        Map<String, ErrorCell> byId = new HashMap<>();
        rows.forEach(e -> byId.put(e.id(), e.cell()));
        return connection.preparedQuery(UPSERT).execute(upsert).chain(result -> {
            List<String> ids = new ArrayList<>();
            List<byte[]> users = new ArrayList<>();
            for (Row row : result) {
                String id = row.getString(0);
                var stored = row.getBuffer(1);
                byte[] merged = byId.get(id).usersMergedWith(stored == null ? null : stored.getBytes());
                if (merged != null) {
                    ids.add(id);
                    users.add(merged);
                }
            }
            if (ids.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return connection.preparedQuery(USERS)
                    .execute(Tuple.of(ids.toArray(String[]::new), SqlArrays.bytea(users, b -> b)))
                    .replaceWithVoid();
        });
    }
}
