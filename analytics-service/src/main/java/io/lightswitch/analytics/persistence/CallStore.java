package io.lightswitch.analytics.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lightswitch.analytics.aggregate.BatchAggregate;
import io.lightswitch.analytics.aggregate.EdgeKey;
import io.lightswitch.analytics.aggregate.SpanEnd;
import io.lightswitch.contracts.MessageCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-service calls: matches this flush's unmatched call ends against ends stored by earlier flushes
 * (of any replica), counts the matches into the aggregate, stores the ends still waiting, and adds the
 * counted calls to dependency_edge.
 */
@ApplicationScoped
public class CallStore {

    private static final TypeReference<Map<String, String>> FLAGS = new TypeReference<>() {
    };

    /** Deleting the counterparts claims them, so a stored end is matched at most once. */
    private static final String TAKE = """
            delete from span_end s using unnest($1::text[], $2::text[], $3::text[], $4::text[]) as v(p, e, id, r)
            where s.project = v.p and s.environment = v.e and s.span_id = v.id and s.role = v.r
            returning s.project, s.environment, s.span_id, s.role, s.service, s.error, s.flags::text, s.at""";

    private static final String KEEP = """
            insert into span_end (project, environment, span_id, role, service, error, flags, at)
            select p, e, id, r, sv, er, fl::jsonb, t
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[],
                        $8::timestamptz[]) as v(p, e, id, r, sv, er, fl, t)
            on conflict do nothing""";

    private static final String EDGES = """
            insert into dependency_edge (project, environment, bucket_start, flag_key, variant, caller, callee,
                                         calls, errors)
            select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                                 $7::text[], $8::int8[], $9::int8[])
            on conflict (project, environment, flag_key, variant, caller, callee, bucket_start) do update set
                calls = dependency_edge.calls + excluded.calls,
                errors = dependency_edge.errors + excluded.errors""";

    public Uni<Void> record(SqlConnection connection, BatchAggregate aggregate) {
        List<SpanEnd> waiting = new ArrayList<>(aggregate.unmatchedCallEnds());
        if (waiting.isEmpty()) {
            return writeEdges(connection, aggregate.edges());
        }
        waiting.sort(Comparator.comparing(SpanEnd::matchKey).thenComparing(e -> e.role()));
        Tuple take = Tuple.of(SqlArrays.text(waiting, SpanEnd::project), SqlArrays.text(waiting, SpanEnd::environment),
                SqlArrays.text(waiting, SpanEnd::spanId), SqlArrays.text(waiting, e -> String.valueOf(e.otherRole())));
        return connection.preparedQuery(TAKE).execute(take).chain(found -> {
            Map<String, SpanEnd> byKey = new HashMap<>();
            waiting.forEach(end -> byKey.put(end.matchKey() + end.role(), end));
            for (Row row : found) {
                SpanEnd stored = stored(row);
                SpanEnd mine = byKey.remove(stored.matchKey() + stored.otherRole());
                if (mine != null) {
                    aggregate.call(mine.role() == SpanEnd.PARENT ? mine : stored,
                            mine.role() == SpanEnd.PARENT ? stored : mine);
                }
            }
            List<SpanEnd> keep = new ArrayList<>(byKey.values());
            keep.sort(Comparator.comparing(SpanEnd::matchKey).thenComparing(e -> e.role()));
            Uni<Void> stored = keep.isEmpty() ? Uni.createFrom().voidItem()
                    : connection.preparedQuery(KEEP).execute(Tuple.of(SqlArrays.text(keep, SpanEnd::project))
                            .addValue(SqlArrays.text(keep, SpanEnd::environment))
                            .addValue(SqlArrays.text(keep, SpanEnd::spanId))
                            .addValue(SqlArrays.text(keep, e -> String.valueOf(e.role())))
                            .addValue(SqlArrays.text(keep, SpanEnd::service))
                            .addValue(SqlArrays.bool(keep, SpanEnd::error))
                            .addValue(SqlArrays.text(keep, e -> json(e.flags())))
                            .addValue(SqlArrays.timestamps(keep, SpanEnd::at))).replaceWithVoid();
            return stored.chain(() -> writeEdges(connection, aggregate.edges()));
        });
    }

    private Uni<Void> writeEdges(SqlConnection connection, Map<EdgeKey, long[]> edges) {
        if (edges.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<EdgeKey, long[]>> rows = new ArrayList<>(edges.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<EdgeKey, long[]> e) -> e.getKey().project())
                .thenComparing(e -> e.getKey().environment()).thenComparing(e -> e.getKey().flagKey())
                .thenComparing(e -> e.getKey().variant()).thenComparing(e -> e.getKey().caller())
                .thenComparing(e -> e.getKey().callee()).thenComparingLong(e -> e.getKey().bucketStart()));
        return connection.preparedQuery(EDGES).execute(Tuple.of(SqlArrays.text(rows, e -> e.getKey().project()))
                        .addValue(SqlArrays.text(rows, e -> e.getKey().environment()))
                        .addValue(SqlArrays.timestamps(rows, e -> Instant.ofEpochSecond(e.getKey().bucketStart())))
                        .addValue(SqlArrays.text(rows, e -> e.getKey().flagKey()))
                        .addValue(SqlArrays.text(rows, e -> e.getKey().variant()))
                        .addValue(SqlArrays.text(rows, e -> e.getKey().caller()))
                        .addValue(SqlArrays.text(rows, e -> e.getKey().callee()))
                        .addValue(SqlArrays.int8(rows, e -> e.getValue()[0]))
                        .addValue(SqlArrays.int8(rows, e -> e.getValue()[1])))
                .replaceWithVoid();
    }

    private static SpanEnd stored(Row row) {
        try {
            return new SpanEnd(row.getString(0), row.getString(1), row.getString(2), row.getString(3).charAt(0),
                    row.getString(4), row.getBoolean(5), MessageCodec.mapper().readValue(row.getString(6), FLAGS),
                    row.getOffsetDateTime(7).toInstant());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable span_end flags", e);
        }
    }

    private static String json(Map<String, String> flags) {
        try {
            return MessageCodec.mapper().writeValueAsString(flags);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
