package io.lightswitch.analytics.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.lightswitch.analytics.aggregate.SeriesCell;
import io.lightswitch.analytics.aggregate.SeriesKey;
import io.lightswitch.contracts.MessageCodec;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
 * Adds a flush's series cells to their rows. Sketches cannot be merged in SQL, so each row is read,
 * merged in Java and written back under a row lock: rows are created first (so both replicas lock the
 * same row), then locked in id order (so two flushes cannot deadlock), merged and updated.
 */
@ApplicationScoped
public class SeriesStore {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private static final String CREATE = """
            insert into series (id, resolution, bucket_start, project, environment, flag_key, variant, service, operation)
            select * from unnest($1::text[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                                 $7::text[], $8::text[], $9::text[])
            on conflict (id) do nothing""";

    private static final String LOCK = """
            select id, requests, errors, latency_n, latency_sum_log, latency_sum_log_sq, latency_sketch, users_hll,
                   exposures, beacons, beacons_js_error, js_errors, actions, page_loads,
                   ttfb_n, ttfb_sum_log, ttfb_sum_log_sq, lcp_n, lcp_sum_log, lcp_sum_log_sq,
                   inp_n, inp_sum_log, inp_sum_log_sq, cls_n, cls_sum_log, cls_sum_log_sq, custom_events::text
            from series where id = any($1) order by id for update""";

    private static final String UPDATE = """
            update series s set requests = v.requests, errors = v.errors, latency_n = v.latency_n,
                latency_sum_log = v.latency_sum_log, latency_sum_log_sq = v.latency_sum_log_sq,
                latency_sketch = v.latency_sketch, users_hll = v.users_hll, exposures = v.exposures,
                beacons = v.beacons, beacons_js_error = v.beacons_js_error, js_errors = v.js_errors,
                actions = v.actions, page_loads = v.page_loads,
                ttfb_n = v.ttfb_n, ttfb_sum_log = v.ttfb_sum_log, ttfb_sum_log_sq = v.ttfb_sum_log_sq,
                lcp_n = v.lcp_n, lcp_sum_log = v.lcp_sum_log, lcp_sum_log_sq = v.lcp_sum_log_sq,
                inp_n = v.inp_n, inp_sum_log = v.inp_sum_log, inp_sum_log_sq = v.inp_sum_log_sq,
                cls_n = v.cls_n, cls_sum_log = v.cls_sum_log, cls_sum_log_sq = v.cls_sum_log_sq,
                custom_events = v.custom_events::jsonb
            from unnest($1::text[], $2::int8[], $3::int8[], $4::int8[], $5::float8[], $6::float8[], $7::bytea[],
                        $8::bytea[], $9::int8[], $10::int8[], $11::int8[], $12::int8[], $13::int8[], $14::int8[],
                        $15::int8[], $16::float8[], $17::float8[], $18::int8[], $19::float8[], $20::float8[],
                        $21::int8[], $22::float8[], $23::float8[], $24::int8[], $25::float8[], $26::float8[],
                        $27::text[])
                 as v(id, requests, errors, latency_n, latency_sum_log, latency_sum_log_sq, latency_sketch,
                      users_hll, exposures, beacons, beacons_js_error, js_errors, actions, page_loads,
                      ttfb_n, ttfb_sum_log, ttfb_sum_log_sq, lcp_n, lcp_sum_log, lcp_sum_log_sq,
                      inp_n, inp_sum_log, inp_sum_log_sq, cls_n, cls_sum_log, cls_sum_log_sq, custom_events)
            where s.id = v.id""";

    private record Entry(String id, SeriesKey key, SeriesCell cell) {
    }

    /**
     * Ids of rows known to exist: most keys of a flush were written by the previous one, so the insert
     * that creates missing rows can usually be skipped. A row deleted since (retention) shows up missing
     * when locked and is created then.
     */
    private final Cache<String, Boolean> existing = Caffeine.newBuilder().maximumSize(50_000).build();

    public Uni<Integer> merge(SqlConnection connection, Map<SeriesKey, SeriesCell> cells) {
        if (cells.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Entry> entries = new ArrayList<>(cells.size());
        cells.forEach((key, cell) -> entries.add(new Entry(key.id(), key, cell)));
        entries.sort(Comparator.comparing(Entry::id));
        List<Entry> unknown = entries.stream().filter(e -> existing.getIfPresent(e.id()) == null).toList();
        return create(connection, unknown)
                .chain(() -> lock(connection, entries))
                .chain(stored -> {
                    List<Entry> missing = entries.stream().filter(e -> !stored.containsKey(e.id())).toList();
                    if (missing.isEmpty()) {
                        return Uni.createFrom().item(stored);
                    }
                    return create(connection, missing).chain(() -> lock(connection, missing)).map(more -> {
                        stored.putAll(more);
                        return stored;
                    });
                })
                // Decoding, merging and encoding thousands of sketches is CPU work: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(stored -> {
                    List<Entry> merged = new ArrayList<>(entries.size());
                    for (Entry entry : entries) {
                        SeriesCell total = stored(stored.get(entry.id()));
                        total.merge(entry.cell());
                        merged.add(new Entry(entry.id(), entry.key(), total));
                    }
                    return update(merged);
                })
                .chain(tuple -> connection.preparedQuery(UPDATE).execute(tuple))
                .invoke(() -> entries.forEach(e -> existing.put(e.id(), Boolean.TRUE)))
                .map(ignored -> entries.size());
    }

    private Uni<Void> create(SqlConnection connection, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple create = Tuple.of(SqlArrays.text(entries, Entry::id))
                .addValue(SqlArrays.int4(entries, e -> e.key().resolution()))
                .addValue(SqlArrays.timestamps(entries, e -> Instant.ofEpochSecond(e.key().bucketStart())))
                .addValue(SqlArrays.text(entries, e -> e.key().project()))
                .addValue(SqlArrays.text(entries, e -> e.key().environment()))
                .addValue(SqlArrays.text(entries, e -> e.key().flagKey()))
                .addValue(SqlArrays.text(entries, e -> e.key().variant()))
                .addValue(SqlArrays.text(entries, e -> e.key().service()))
                .addValue(SqlArrays.text(entries, e -> e.key().operation()));
        return connection.preparedQuery(CREATE).execute(create).replaceWithVoid();
    }

    /** Locks the rows (in id order); ids without a row are absent from the map. Decoding comes later. */
    private static Uni<Map<String, Row>> lock(SqlConnection connection, List<Entry> entries) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(SqlArrays.text(entries, Entry::id))).map(rows -> {
            Map<String, Row> stored = new HashMap<>();
            for (Row row : rows) {
                stored.put(row.getString("id"), row);
            }
            return stored;
        });
    }

    private static Tuple update(List<Entry> rows) {
        return Tuple.of(SqlArrays.text(rows, Entry::id))
                .addValue(SqlArrays.int8(rows, e -> e.cell().requests()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().errors()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().latency().n()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().latency().sumLog()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().latency().sumLogSq()))
                .addValue(SqlArrays.bytea(rows, e -> e.cell().latencySketchBytes()))
                .addValue(SqlArrays.bytea(rows, e -> e.cell().usersBytes()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().exposures()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().beacons()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().beaconsWithJsError()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().jsErrors()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().actions()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().pageLoads()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().ttfb().n()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().ttfb().sumLog()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().ttfb().sumLogSq()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().lcp().n()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().lcp().sumLog()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().lcp().sumLogSq()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().inp().n()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().inp().sumLog()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().inp().sumLogSq()))
                .addValue(SqlArrays.int8(rows, e -> e.cell().cls().n()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().cls().sumLog()))
                .addValue(SqlArrays.float8(rows, e -> e.cell().cls().sumLogSq()))
                .addValue(SqlArrays.text(rows, e -> json(e.cell().customEvents())));
    }

    private static SeriesCell stored(Row row) {
        SeriesCell cell = SeriesCell.stored(row.getLong("requests"), row.getLong("errors"), row.getLong("exposures"),
                row.getLong("beacons"), row.getLong("beacons_js_error"), row.getLong("js_errors"),
                row.getLong("actions"), row.getLong("page_loads"),
                SqlArrays.bytes(row.getBuffer("latency_sketch") == null ? null : row.getBuffer("latency_sketch").getDelegate()),
                SqlArrays.bytes(row.getBuffer("users_hll") == null ? null : row.getBuffer("users_hll").getDelegate()),
                counts(row.getString("custom_events")));
        cell.latency().set(row.getLong("latency_n"), row.getDouble("latency_sum_log"), row.getDouble("latency_sum_log_sq"));
        cell.ttfb().set(row.getLong("ttfb_n"), row.getDouble("ttfb_sum_log"), row.getDouble("ttfb_sum_log_sq"));
        cell.lcp().set(row.getLong("lcp_n"), row.getDouble("lcp_sum_log"), row.getDouble("lcp_sum_log_sq"));
        cell.inp().set(row.getLong("inp_n"), row.getDouble("inp_sum_log"), row.getDouble("inp_sum_log_sq"));
        cell.cls().set(row.getLong("cls_n"), row.getDouble("cls_sum_log"), row.getDouble("cls_sum_log_sq"));
        return cell;
    }

    private static Map<String, Long> counts(String json) {
        try {
            return json == null ? Map.of() : MessageCodec.mapper().readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable custom_events column", e);
        }
    }

    private static String json(Map<String, Long> counts) {
        try {
            return MessageCodec.mapper().writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
