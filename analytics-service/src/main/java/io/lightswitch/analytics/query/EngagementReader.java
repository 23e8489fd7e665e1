package io.lightswitch.analytics.query;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Engagement per variant, from the sessions that recorded the flag, and Apdex from the variant's latency
 * sketches merged over an exact tiling of the window.
 */
@ApplicationScoped
public class EngagementReader {

    private static final String SESSIONS = "select flags ->> $3 as variant, count(*) as sessions,"
            + " count(distinct user_id) as users, sum(actions)::bigint as actions,"
            + " sum(page_loads)::bigint as page_loads,"
            + " sum(extract(epoch from (last_seen - first_seen)))::double precision as seconds,"
            + " count(*) filter (where error_count > 0) as error_sessions"
            + " from " + Rows.SCHEMA + ".session"
            + " where project = $1 and environment = $2 and flags ? $3 and last_seen >= $4 and last_seen < $5"
            + " group by 1";
    private static final String LATENCY = "select variant, array_agg(latency_sketch) as latency_sketches"
            + " from " + Rows.SCHEMA + ".series s"
            + " join unnest($4::int[], $5::timestamptz[], $6::timestamptz[]) as t(res, lo, hi)"
            + " on s.resolution = t.res and s.bucket_start >= t.lo and s.bucket_start < t.hi"
            + " where s.project = $1 and s.environment = $2 and s.flag_key = $3 and s.latency_sketch is not null"
            + " group by variant";

    private final Pool pool;

    public EngagementReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<EngagementView> engagement(Scope scope, String flag, TimeWindow window, double apdexMs) {
        Object[] tiles = Tiling.sqlArrays(Tiling.of(window));
        Tuple sessions = Tuple.of(scope.project(), scope.environment(), flag, Rows.param(window.from()),
                Rows.param(window.to()));
        Tuple latency = Tuple.from(List.of(scope.project(), scope.environment(), flag, tiles[0], tiles[1], tiles[2]));
        return pool.withConnection(connection -> Uni.combine().all().unis(
                        connection.preparedQuery(SESSIONS).execute(sessions),
                        connection.preparedQuery(LATENCY).execute(latency)).asTuple())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    Map<String, Row> byVariant = new TreeMap<>();
                    rows.getItem1().forEach(row -> byVariant.put(row.getString("variant"), row));
                    Map<String, SeriesTotals> latencies = new TreeMap<>();
                    for (Row row : rows.getItem2()) {
                        SeriesTotals totals = new SeriesTotals();
                        for (byte[] sketch : Rows.byteArrays(row, "latency_sketches")) {
                            totals.addLatency(sketch);
                        }
                        latencies.put(row.getString("variant"), totals);
                    }
                    SortedSet<String> names = new TreeSet<>(byVariant.keySet());
                    names.addAll(latencies.keySet());
                    List<EngagementView.VariantEngagement> variants = new ArrayList<>();
                    for (String variant : names) {
                        Row row = byVariant.get(variant);
                        long count = row == null ? 0 : Rows.count(row, "sessions");
                        SeriesTotals latencyTotals = latencies.get(variant);
                        variants.add(new EngagementView.VariantEngagement(variant, count,
                                row == null ? 0 : Rows.count(row, "users"),
                                row == null ? null : Rows.ratio(Rows.count(row, "actions"), count),
                                row == null ? null : Rows.ratio(Rows.sum(row, "seconds"), count),
                                row == null ? null : Rows.ratio(Rows.count(row, "page_loads"), count),
                                row == null ? null : Rows.ratio(Rows.count(row, "error_sessions"), count),
                                LatencyStats.apdex(latencyTotals == null ? null : latencyTotals.latencySketch(),
                                        apdexMs)));
                    }
                    return new EngagementView(scope.project(), scope.environment(), flag, window.from(),
                            window.to(), apdexMs, variants);
                });
    }
}
