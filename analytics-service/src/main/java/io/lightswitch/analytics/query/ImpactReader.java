package io.lightswitch.analytics.query;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Series per variant of a flag, with the flag's changes and verdicts. Counters are summed in SQL per
 * (variant, point); the sketches of each point are merged in Java on a worker thread, never on the
 * event loop, and {@link SeriesGrid} bounds how many there are.
 */
@ApplicationScoped
public class ImpactReader {

    /** Rows of one flag at one resolution, summed per variant and point ({@code slot} = epoch / step). */
    static final String SERIES = "select variant, extract(epoch from bucket_start)::bigint / $7 as slot, "
            + SeriesTotals.AGGREGATES_WITHOUT_USERS + " from " + Rows.SCHEMA + ".series"
            + " where project = $1 and environment = $2 and flag_key = $3 and resolution = $4"
            + " and bucket_start >= $5 and bucket_start < $6 group by variant, slot";
    private static final String CHANGES = "select " + ChangeView.COLUMNS + " from " + Rows.SCHEMA + ".flag_change"
            + " where project = $1 and (environment = $2 or environment is null) and flag_key = $3"
            + " and occurred_at >= $4 and occurred_at < $5 order by occurred_at, id";
    private static final String VERDICTS = "select variant, metric, service, operation, status, previous_status,"
            + " reason, sentence, rank, since, assessed_at, evidence::text as evidence from " + Rows.SCHEMA
            + ".verdict where project = $1 and environment = $2 and flag_key = $3"
            + " order by rank nulls last, variant, metric, service, operation";
    private static final String VERDICT_CHANGES = "select at, variant, metric, service, operation, status,"
            + " previous_status, reason, sentence, evidence::text as evidence from " + Rows.SCHEMA
            + ".verdict_change where project = $1 and environment = $2 and flag_key = $3"
            + " and at >= $4 and at < $5 order by at, id";

    private final Pool pool;

    public ImpactReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<ImpactView> impact(Scope scope, String flag, SeriesGrid grid) {
        Tuple range = Tuple.of(scope.project(), scope.environment(), flag, Rows.param(grid.start()),
                Rows.param(grid.end()));
        // One connection, the four queries pipelined on it: a dashboard's requests should not drain the
        // pool the intake writes through.
        Object[] tiles = Tiling.sqlArrays(Tiling.of(new TimeWindow(grid.start(), grid.end())));
        Tuple users = Tuple.from(List.of(scope.project(), scope.environment(), flag, tiles[0], tiles[1], tiles[2]));
        return pool.withConnection(connection -> Uni.combine().all().unis(
                        connection.preparedQuery(SERIES).execute(seriesParams(scope, flag, grid)),
                        connection.preparedQuery(CHANGES).execute(range),
                        connection.preparedQuery(VERDICTS).execute(Tuple.of(scope.project(), scope.environment(), flag)),
                        connection.preparedQuery(VERDICT_CHANGES).execute(range),
                        connection.preparedQuery(AdoptionReader.TOTALS).execute(users)).asTuple())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<ChangeView> changeViews = new ArrayList<>();
                    rows.getItem2().forEach(row -> changeViews.add(ChangeView.of(row)));
                    List<VerdictView> verdictViews = new ArrayList<>();
                    rows.getItem3().forEach(row -> verdictViews.add(VerdictView.of(row)));
                    List<VerdictView.VerdictChange> verdictChangeViews = new ArrayList<>();
                    rows.getItem4().forEach(row -> verdictChangeViews.add(VerdictView.VerdictChange.of(row)));
                    return new ImpactView(scope.project(), scope.environment(), flag, grid.start(), grid.end(),
                            grid.step(), grid.resolution(), variants(rows.getItem1(), rows.getItem5(), grid), changeViews,
                            verdictViews, verdictChangeViews);
                });
    }

    static Tuple seriesParams(Scope scope, String flag, SeriesGrid grid) {
        return Tuple.from(List.of(scope.project(), scope.environment(), flag, grid.resolution(),
                Rows.param(grid.start()), Rows.param(grid.end()), grid.stepSeconds()));
    }

    /** Totals per variant and point, in variant order; points without rows stay empty. */
    private static Map<String, SeriesTotals[]> pointTotals(RowSet<Row> rows, SeriesGrid grid) {
        Map<String, SeriesTotals[]> byVariant = new TreeMap<>();
        for (Row row : rows) {
            int index = grid.index(row.getLong("slot"));
            if (index < 0) {
                continue;
            }
            SeriesTotals[] points = byVariant.computeIfAbsent(row.getString("variant"), v -> {
                SeriesTotals[] empty = new SeriesTotals[grid.points()];
                for (int i = 0; i < empty.length; i++) {
                    empty[i] = new SeriesTotals();
                }
                return empty;
            });
            points[index].add(row);
        }
        return byVariant;
    }

    private static List<ImpactView.VariantSeries> variants(RowSet<Row> rows, RowSet<Row> windowUsers, SeriesGrid grid) {
        Map<String, byte[][]> usersByVariant = new TreeMap<>();
        windowUsers.forEach(row -> usersByVariant.put(row.getString("variant"), Rows.byteArrays(row, "users_hlls")));
        List<ImpactView.VariantSeries> variants = new ArrayList<>();
        pointTotals(rows, grid).forEach((variant, points) -> {
            SeriesTotals total = new SeriesTotals();
            for (byte[] sketch : usersByVariant.getOrDefault(variant, new byte[0][])) {
                total.addUsers(sketch);
            }
            List<ImpactView.ImpactPoint> series = new ArrayList<>(points.length);
            for (int i = 0; i < points.length; i++) {
                total.add(points[i]);
                series.add(new ImpactView.ImpactPoint(grid.pointStart(i), points[i].metrics()));
            }
            variants.add(new ImpactView.VariantSeries(variant, total.metrics(), series));
        });
        return variants;
    }
}
