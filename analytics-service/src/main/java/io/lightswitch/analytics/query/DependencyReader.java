package io.lightswitch.analytics.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service dependency map: nodes from the series' entry rows (every service but '' for exposures and
 * 'browser' for beacons) over an exact tiling of the window, edges from the per-minute dependency_edge
 * rows (so the window's start is rounded down to the minute for them).
 */
@ApplicationScoped
public class DependencyReader {

    private static final String NODES = "select service, variant, sum(requests)::bigint as requests,"
            + " sum(errors)::bigint as errors from " + Rows.SCHEMA + ".series s"
            + " join unnest($4::int[], $5::timestamptz[], $6::timestamptz[]) as t(res, lo, hi)"
            + " on s.resolution = t.res and s.bucket_start >= t.lo and s.bucket_start < t.hi"
            + " where s.project = $1 and s.environment = $2 and s.flag_key = $3"
            + " and s.service <> '' and s.service <> 'browser'"
            + " group by service, variant order by service, variant";
    private static final String EDGES = "select caller, callee, variant, sum(calls)::bigint as calls,"
            + " sum(errors)::bigint as errors from " + Rows.SCHEMA + ".dependency_edge"
            + " where project = $1 and environment = $2 and flag_key = $3 and bucket_start >= $4 and bucket_start < $5"
            + " group by caller, callee, variant order by caller, callee, variant";

    private final Pool pool;

    public DependencyReader(Pool pool) {
        this.pool = pool;
    }

    /** @param flag null for all traffic */
    public Uni<DependencyMap> map(Scope scope, String flag, TimeWindow window) {
        String flagKey = flag == null ? "" : flag;
        Object[] tiles = Tiling.sqlArrays(Tiling.of(window));
        Instant edgesFrom = Instant.ofEpochSecond(Math.floorDiv(window.from().getEpochSecond(), 60) * 60);
        Tuple nodeParams = Tuple.from(List.of(scope.project(), scope.environment(), flagKey, tiles[0], tiles[1], tiles[2]));
        Tuple edgeParams = Tuple.of(scope.project(), scope.environment(), flagKey, Rows.param(edgesFrom),
                Rows.param(window.to()));
        return pool.withConnection(connection -> Uni.combine().all().unis(
                        connection.preparedQuery(NODES).execute(nodeParams),
                        connection.preparedQuery(EDGES).execute(edgeParams)).asTuple())
                .map(rows -> {
                    Map<String, List<DependencyMap.ServiceTraffic>> nodes = new TreeMap<>();
                    for (Row row : rows.getItem1()) {
                        long requests = Rows.count(row, "requests");
                        long errors = Rows.count(row, "errors");
                        nodes.computeIfAbsent(row.getString("service"), s -> new ArrayList<>())
                                .add(new DependencyMap.ServiceTraffic(row.getString("variant"), requests, errors,
                                        Rows.ratio(errors, requests)));
                    }
                    Map<List<String>, List<DependencyMap.CallTraffic>> edges = new TreeMap<>(
                            (a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
                    for (Row row : rows.getItem2()) {
                        String caller = row.getString("caller");
                        String callee = row.getString("callee");
                        long calls = Rows.count(row, "calls");
                        long errors = Rows.count(row, "errors");
                        edges.computeIfAbsent(List.of(caller, callee), k -> new ArrayList<>())
                                .add(new DependencyMap.CallTraffic(row.getString("variant"), calls, errors,
                                        Rows.ratio(errors, calls)));
                        // A service seen only at one end of a call still belongs on the map.
                        nodes.computeIfAbsent(caller, s -> new ArrayList<>());
                        nodes.computeIfAbsent(callee, s -> new ArrayList<>());
                    }
                    List<DependencyMap.ServiceNode> nodeList = new ArrayList<>();
                    nodes.forEach((service, traffic) -> nodeList.add(new DependencyMap.ServiceNode(service, traffic)));
                    List<DependencyMap.ServiceCall> edgeList = new ArrayList<>();
                    edges.forEach((ends, traffic) -> edgeList.add(new DependencyMap.ServiceCall(ends.get(0), ends.get(1), traffic)));
                    return new DependencyMap(scope.project(), scope.environment(), flag, window.from(), window.to(),
                            nodeList, edgeList);
                });
    }
}
