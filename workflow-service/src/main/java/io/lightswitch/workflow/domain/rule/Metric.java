package io.lightswitch.workflow.domain.rule;

import java.util.Arrays;
import java.util.Optional;

/**
 * Metrics a rule can watch, by the key used in the rules API. {@code verdictMetric} is the
 * {@code ImpactVerdict.metric} analytics publishes for it, or null when analytics does not assess it yet.
 *
 * <p>Analytics compares latency and page-load timings as the mean of ln(value), i.e. the geometric mean. Under
 * the log-normal model it fits, the geometric mean is the median, so {@code latency_p50} is an alias of
 * {@code latency}. Tail percentiles (p95, p99) move with the median only if the spread of both cohorts is
 * equal, which nothing checks, so they are not mapped: a rule on them would silently watch the median.
 */
public enum Metric {
    ERROR_RATE("error_rate", "error_rate", Kind.RATE),
    LATENCY("latency", "latency", Kind.TIMING),
    LATENCY_P50("latency_p50", "latency", Kind.TIMING),
    LATENCY_P95("latency_p95", null, Kind.TIMING),
    LATENCY_P99("latency_p99", null, Kind.TIMING),
    JS_ERROR_RATE("js_error_rate", "js_error_rate", Kind.RATE),
    LCP("page_load.lcp", "page_load.lcp", Kind.TIMING),
    INP("page_load.inp", "page_load.inp", Kind.TIMING),
    CLS("page_load.cls", "page_load.cls", Kind.SCORE);

    /**
     * How values read: rates are fractions compared in points; timings (ms) and scores (unitless) are
     * compared as a relative change of the geometric mean.
     */
    public enum Kind { RATE, TIMING, SCORE }

    private final String key;
    private final String verdictMetric;
    private final Kind kind;

    Metric(String key, String verdictMetric, Kind kind) {
        this.key = key;
        this.verdictMetric = verdictMetric;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public Optional<String> verdictMetric() {
        return Optional.ofNullable(verdictMetric);
    }

    public Kind kind() {
        return kind;
    }

    public boolean assessedByAnalytics() {
        return verdictMetric != null;
    }

    public static Optional<Metric> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
