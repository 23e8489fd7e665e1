package io.lightswitch.analytics.support;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.lightswitch.analytics.aggregate.Sketches;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes series rows as the intake does: every observation lands in its 10 s, 60 s and 3600 s buckets, counters
 * summed and latency sketches merged. Latency is log-normal around a median with a fixed spread, so the sums of
 * ln(ms) and the sketch describe the same requests.
 */
public final class SeriesSeeder {

    public static final double LATENCY_SIGMA = 0.5;
    private static final int[] RESOLUTIONS = {10, 60, 3600};
    private static final double[] Z = new double[20];

    static {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (int i = 0; i < Z.length; i++) {
            Z[i] = normal.inverseCumulativeProbability((i + 0.5) / Z.length);
        }
    }

    private final Pool pool;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    public SeriesSeeder(Pool pool) {
        this.pool = pool;
    }

    private static final class Row {
        final List<Object> key;
        long requests;
        long errors;
        long latencyN;
        double latencySumLog;
        double latencySumLogSq;
        DDSketch sketch;
        long beacons;
        long beaconsJsError;
        long lcpN;
        double lcpSumLog;
        double lcpSumLogSq;
        final Map<String, Long> customEvents = new LinkedHashMap<>();

        Row(List<Object> key) {
            this.key = key;
        }
    }

    /** Entry spans of one service operation in the 10 s bucket holding {@code at}. */
    public SeriesSeeder spans(Where where, Instant at, long requests, long errors, double medianMs) {
        double mu = Math.log(medianMs);
        for (Row row : rows(where, at)) {
            row.requests += requests;
            row.errors += errors;
            row.latencyN += requests;
            row.latencySumLog += requests * mu;
            row.latencySumLogSq += requests * (mu * mu + LATENCY_SIGMA * LATENCY_SIGMA);
            if (row.sketch == null) {
                row.sketch = Sketches.newLatency();
            }
            for (double z : Z) {
                row.sketch.accept(Math.exp(mu + LATENCY_SIGMA * z), (double) requests / Z.length);
            }
        }
        return this;
    }

    /** RUM beacons of one page (service 'browser'), with their LCP and custom events. */
    public SeriesSeeder beacons(Where where, Instant at, long beacons, long withJsError, double lcpMedianMs,
                                Map<String, Long> customEvents) {
        double mu = Math.log(lcpMedianMs);
        for (Row row : rows(where, at)) {
            row.beacons += beacons;
            row.beaconsJsError += withJsError;
            row.lcpN += beacons;
            row.lcpSumLog += beacons * mu;
            row.lcpSumLogSq += beacons * (mu * mu + LATENCY_SIGMA * LATENCY_SIGMA);
            customEvents.forEach((name, n) -> row.customEvents.merge(name, n, Long::sum));
        }
        return this;
    }

    /** The same traffic in every 10 s bucket of [from, to). */
    public SeriesSeeder spansEvery10s(Where where, Instant from, Instant to, long requests, long errors,
                                      double medianMs) {
        for (Instant at = from; at.isBefore(to); at = at.plusSeconds(10)) {
            spans(where, at, requests, errors, medianMs);
        }
        return this;
    }

    public void write() {
        String sql = """
                insert into analytics.series (id, resolution, bucket_start, project, environment, flag_key, variant,
                    service, operation, requests, errors, latency_n, latency_sum_log, latency_sum_log_sq,
                    latency_sketch, beacons, beacons_js_error, lcp_n, lcp_sum_log, lcp_sum_log_sq, custom_events)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                    $21::text::jsonb)""";
        List<Tuple> tuples = new ArrayList<>();
        for (Row row : rows.values()) {
            List<Object> values = new ArrayList<>();
            values.add(String.join("\u001f", row.key.stream().map(String::valueOf).toList()));
            values.addAll(row.key);
            values.set(2, ((Instant) row.key.get(1)).atOffset(ZoneOffset.UTC));
            values.addAll(List.of(row.requests, row.errors, row.latencyN, row.latencySumLog, row.latencySumLogSq));
            values.add(row.sketch == null ? null : Buffer.buffer(Sketches.bytes(row.sketch)));
            values.addAll(List.of(row.beacons, row.beaconsJsError, row.lcpN, row.lcpSumLog, row.lcpSumLogSq,
                    new JsonObject(new LinkedHashMap<>(row.customEvents)).encode()));
            tuples.add(Tuple.tuple(values));
        }
        if (!tuples.isEmpty()) {
            pool.preparedQuery(sql).executeBatch(tuples).await().atMost(Duration.ofSeconds(30));
        }
        rows.clear();
    }

    private List<Row> rows(Where where, Instant at) {
        List<Row> touched = new ArrayList<>(RESOLUTIONS.length);
        for (int resolution : RESOLUTIONS) {
            long start = Math.floorDiv(at.getEpochSecond(), resolution) * resolution;
            List<Object> key = List.of(resolution, Instant.ofEpochSecond(start), where.project(), where.environment(),
                    where.flagKey(), where.variant(), where.service(), where.operation());
            touched.add(rows.computeIfAbsent(String.valueOf(key), k -> new Row(key)));
        }
        return touched;
    }

    /**
     * Key columns of a row; flag '' and variant '' for all traffic of a service (the baseline).
     */
    public record Where(String project, String environment, String flagKey, String variant, String service,
                        String operation) {

        public static Where flag(String project, String flagKey, String variant, String service, String operation) {
            return new Where(project, "production", flagKey, variant, service, operation);
        }

        public static Where baseline(String project, String service, String operation) {
            return new Where(project, "production", "", "", service, operation);
        }
    }
}
