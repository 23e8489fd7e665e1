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
 * Distinct users per variant: the union of the user sketches of every row of the flag (exposures from
 * flag-service, spans and beacons that carried the flag), so a user counted by two services is one user.
 * The whole-window total is a union of its own over an exact tiling of the window, not of the points,
 * which start at a step boundary before the window does.
 */
@ApplicationScoped
public class AdoptionReader {

    private static final String USERS = " array_agg(users_hll) filter (where users_hll is not null) as users_hlls,"
            + " sum(exposures)::bigint as exposures";
    private static final String POINTS = "select variant, extract(epoch from bucket_start)::bigint / $7 as slot,"
            + USERS + " from " + Rows.SCHEMA + ".series"
            + " where project = $1 and environment = $2 and flag_key = $3 and resolution = $4"
            + " and bucket_start >= $5 and bucket_start < $6 group by variant, slot";
    static final String TOTALS = "select variant," + USERS + " from " + Rows.SCHEMA + ".series s"
            + " join unnest($4::int[], $5::timestamptz[], $6::timestamptz[]) as t(res, lo, hi)"
            + " on s.resolution = t.res and s.bucket_start >= t.lo and s.bucket_start < t.hi"
            + " where s.project = $1 and s.environment = $2 and s.flag_key = $3 group by variant";

    private final Pool pool;

    public AdoptionReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<AdoptionView> adoption(Scope scope, String flag, TimeWindow window, SeriesGrid grid) {
        List<Tiling.Tile> tiles = Tiling.of(window);
        Object[] arrays = Tiling.sqlArrays(tiles);
        Tuple totals = Tuple.from(List.of(scope.project(), scope.environment(), flag, arrays[0], arrays[1], arrays[2]));
        return pool.withConnection(connection -> Uni.combine().all().unis(
                        connection.preparedQuery(POINTS).execute(ImpactReader.seriesParams(scope, flag, grid)),
                        connection.preparedQuery(TOTALS).execute(totals)).asTuple())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    Map<String, SeriesTotals[]> byPoint = new TreeMap<>();
                    for (Row row : rows.getItem1()) {
                        int index = grid.index(row.getLong("slot"));
                        if (index >= 0) {
                            SeriesTotals[] series = byPoint.computeIfAbsent(row.getString("variant"),
                                    v -> new SeriesTotals[grid.points()]);
                            if (series[index] == null) {
                                series[index] = new SeriesTotals();
                            }
                            add(series[index], row);
                        }
                    }
                    Map<String, SeriesTotals> whole = new TreeMap<>();
                    for (Row row : rows.getItem2()) {
                        add(whole.computeIfAbsent(row.getString("variant"), v -> new SeriesTotals()), row);
                    }
                    SortedSet<String> names = new TreeSet<>(byPoint.keySet());
                    names.addAll(whole.keySet());
                    List<AdoptionView.VariantAdoption> variants = new ArrayList<>();
                    for (String variant : names) {
                        SeriesTotals total = whole.getOrDefault(variant, new SeriesTotals());
                        SeriesTotals[] series = byPoint.getOrDefault(variant, new SeriesTotals[grid.points()]);
                        List<AdoptionView.AdoptionPoint> adoption = new ArrayList<>(grid.points());
                        for (int i = 0; i < grid.points(); i++) {
                            SeriesTotals point = series[i];
                            adoption.add(new AdoptionView.AdoptionPoint(grid.pointStart(i),
                                    point == null ? 0 : point.users(), point == null ? 0 : point.exposures()));
                        }
                        variants.add(new AdoptionView.VariantAdoption(variant, total.users(), total.exposures(),
                                adoption));
                    }
                    return new AdoptionView(scope.project(), scope.environment(), flag, tiles.get(0).from(),
                            tiles.get(tiles.size() - 1).to(), grid.step(), grid.resolution(), variants);
                });
    }

    private static void add(SeriesTotals totals, Row row) {
        for (byte[] users : Rows.byteArrays(row, "users_hlls")) {
            totals.addUsers(users);
        }
        totals.addExposures(Rows.count(row, "exposures"));
    }
}
