package io.lightswitch.analytics.query;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.lightswitch.analytics.aggregate.Sketches;
import io.vertx.mutiny.sqlclient.Row;
import org.apache.datasketches.hll.Union;

/**
 * Sums of series rows for one variant over some buckets: counters added, latency sketches and user
 * sketches merged. Reads rows selected with {@link #AGGREGATES}. Not thread-safe; one request fills it.
 */
public final class SeriesTotals {

    /** The select list that sums series rows in SQL, leaving only the sketches to merge here. */
    public static final String AGGREGATES = """
            sum(requests)::bigint as requests, sum(errors)::bigint as errors,
            sum(latency_n)::bigint as latency_n, sum(latency_sum_log) as latency_sum_log,
            array_agg(latency_sketch) filter (where latency_sketch is not null) as latency_sketches,
            array_agg(users_hll) filter (where users_hll is not null) as users_hlls,
            sum(exposures)::bigint as exposures, sum(beacons)::bigint as beacons,
            sum(beacons_js_error)::bigint as beacons_js_error, sum(js_errors)::bigint as js_errors,
            sum(page_loads)::bigint as page_loads, sum(actions)::bigint as actions,
            sum(lcp_n)::bigint as lcp_n, sum(lcp_sum_log) as lcp_sum_log,
            sum(inp_n)::bigint as inp_n, sum(inp_sum_log) as inp_sum_log,
            sum(cls_n)::bigint as cls_n, sum(cls_sum_log) as cls_sum_log""";

    /**
     * The same without user sketches, for per-point series: a users sketch of a busy minute is kilobytes
     * stored out of line, and reading thousands of them made a 24 h impact query slow. Window totals
     * read users from a tiling of coarse buckets instead ({@link Tiling}).
     */
    public static final String AGGREGATES_WITHOUT_USERS = AGGREGATES.replace(
            "array_agg(users_hll) filter (where users_hll is not null) as users_hlls",
            "null::bytea[] as users_hlls");

    /** CLS is stored as ln(cls + 0.001), since a layout shift of 0 is common and has no logarithm. */
    private static final double CLS_OFFSET = 0.001;

    private long requests;
    private long errors;
    private long latencyN;
    private double latencySumLog;
    private DDSketch latency;
    private Union users;
    private long exposures;
    private long beacons;
    private long beaconsJsError;
    private long jsErrors;
    private long pageLoads;
    private long actions;
    private long lcpN;
    private double lcpSumLog;
    private long inpN;
    private double inpSumLog;
    private long clsN;
    private double clsSumLog;

    public void add(Row row) {
        requests += Rows.count(row, "requests");
        errors += Rows.count(row, "errors");
        latencyN += Rows.count(row, "latency_n");
        latencySumLog += Rows.sum(row, "latency_sum_log");
        for (byte[] sketch : Rows.byteArrays(row, "latency_sketches")) {
            addLatency(sketch);
        }
        for (byte[] sketch : Rows.byteArrays(row, "users_hlls")) {
            addUsers(sketch);
        }
        exposures += Rows.count(row, "exposures");
        beacons += Rows.count(row, "beacons");
        beaconsJsError += Rows.count(row, "beacons_js_error");
        jsErrors += Rows.count(row, "js_errors");
        pageLoads += Rows.count(row, "page_loads");
        actions += Rows.count(row, "actions");
        lcpN += Rows.count(row, "lcp_n");
        lcpSumLog += Rows.sum(row, "lcp_sum_log");
        inpN += Rows.count(row, "inp_n");
        inpSumLog += Rows.sum(row, "inp_sum_log");
        clsN += Rows.count(row, "cls_n");
        clsSumLog += Rows.sum(row, "cls_sum_log");
    }

    public void add(SeriesTotals other) {
        requests += other.requests;
        errors += other.errors;
        latencyN += other.latencyN;
        latencySumLog += other.latencySumLog;
        if (other.latency != null) {
            latencyAccumulator().mergeWith(other.latency);
        }
        if (other.users != null) {
            userUnion().update(other.users.getResult());
        }
        exposures += other.exposures;
        beacons += other.beacons;
        beaconsJsError += other.beaconsJsError;
        jsErrors += other.jsErrors;
        pageLoads += other.pageLoads;
        actions += other.actions;
        lcpN += other.lcpN;
        lcpSumLog += other.lcpSumLog;
        inpN += other.inpN;
        inpSumLog += other.inpSumLog;
        clsN += other.clsN;
        clsSumLog += other.clsSumLog;
    }

    public void addLatency(byte[] stored) {
        if (stored != null && stored.length > 0) {
            Sketches.mergeLatency(latencyAccumulator(), stored);
        }
    }

    public void addExposures(long count) {
        exposures += count;
    }

    public void addUsers(byte[] stored) {
        Sketches.addUsers(userUnion(), stored);
    }

    private DDSketch latencyAccumulator() {
        if (latency == null) {
            latency = Sketches.newLatency();
        }
        return latency;
    }

    private Union userUnion() {
        if (users == null) {
            users = Sketches.newUserUnion();
        }
        return users;
    }

    public DDSketch latencySketch() {
        return latency;
    }

    /** Distinct users, or null when no user sketch was read (series points, which do not read them). */
    public Long countedUsers() {
        return users == null ? null : users();
    }

    public long users() {
        return users == null ? 0 : Math.round(users.getEstimate());
    }

    public long requests() {
        return requests;
    }

    public long errors() {
        return errors;
    }

    public long exposures() {
        return exposures;
    }

    public VariantMetrics metrics() {
        Double clsMean = Rows.geometricMean(clsSumLog, clsN);
        return new VariantMetrics(requests, errors, Rows.ratio(errors, requests),
                LatencyStats.quantile(latency, 0.50), LatencyStats.quantile(latency, 0.95),
                LatencyStats.quantile(latency, 0.99), Rows.geometricMean(latencySumLog, latencyN), countedUsers(),
                exposures, beacons, jsErrors, Rows.ratio(beaconsJsError, beacons), pageLoads, actions,
                Rows.geometricMean(lcpSumLog, lcpN), Rows.geometricMean(inpSumLog, inpN),
                clsMean == null ? null : Math.max(0, clsMean - CLS_OFFSET));
    }

    /**
     * The metrics of a variant over a point or a window. Latency from entry spans of every service;
     * users from every row of the flag (exposures, spans, beacons), null where not read (series points); JS error rate = beacons with at least
     * one JS error / beacons; LCP, INP and CLS as geometric means. Rates are null with no denominator.
     */
    public record VariantMetrics(long requests, long errors, Double errorRate, Double latencyP50Ms, Double latencyP95Ms,
                          Double latencyP99Ms, Double latencyGeoMeanMs, Long users, long exposures, long beacons,
                          long jsErrors, Double jsErrorRate, long pageLoads, long actions, Double lcpGeoMeanMs,
                          Double inpGeoMeanMs, Double clsGeoMean) {
    }
}
