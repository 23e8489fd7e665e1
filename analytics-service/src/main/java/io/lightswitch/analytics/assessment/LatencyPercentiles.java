package io.lightswitch.analytics.assessment;

import com.datadoghq.sketch.ddsketch.DDSketch;

/** p50, p95 and p99 in ms of a merged latency sketch; nulls when it is empty. */
record LatencyPercentiles(Double p50, Double p95, Double p99) {

    static final LatencyPercentiles NONE = new LatencyPercentiles(null, null, null);

    static LatencyPercentiles of(DDSketch sketch) {
        if (sketch == null || sketch.isEmpty()) {
            return NONE;
        }
        return new LatencyPercentiles(sketch.getValueAtQuantile(0.50), sketch.getValueAtQuantile(0.95),
                sketch.getValueAtQuantile(0.99));
    }
}
