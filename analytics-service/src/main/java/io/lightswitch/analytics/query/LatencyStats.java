package io.lightswitch.analytics.query;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.Bin;
import java.util.Iterator;

/** What the API reads from a merged latency sketch (milliseconds, 2% relative accuracy). */
public final class LatencyStats {

    private LatencyStats() {
    }

    /** The value at a quantile, or null for an empty sketch. */
    public static Double quantile(DDSketch sketch, double quantile) {
        return sketch == null || sketch.isEmpty() ? null : sketch.getValueAtQuantile(quantile);
    }

    /**
     * Apdex with threshold T: (satisfied + tolerating / 2) / samples, where satisfied is at most T and
     * tolerating at most 4T. Each bin is judged by its representative value, so samples within 2% of T or
     * 4T may land on either side.
     */
    public static Apdex apdex(DDSketch sketch, double thresholdMs) {
        if (sketch == null || sketch.isEmpty()) {
            return new Apdex(thresholdMs, null, 0, 0, 0, 0);
        }
        double total = sketch.getCount();
        // Samples below the smallest indexable value (and negatives, which latencies never are) are in no
        // positive bin; they are all fast.
        double satisfied = total - sketch.getPositiveValueStore().getTotalCount();
        double tolerating = 0;
        double frustrated = 0;
        IndexMapping mapping = sketch.getIndexMapping();
        Iterator<Bin> bins = sketch.getPositiveValueStore().getAscendingIterator();
        while (bins.hasNext()) {
            Bin bin = bins.next();
            double value = mapping.value(bin.getIndex());
            if (value <= thresholdMs) {
                satisfied += bin.getCount();
            } else if (value <= 4 * thresholdMs) {
                tolerating += bin.getCount();
            } else {
                frustrated += bin.getCount();
            }
        }
        return new Apdex(thresholdMs, (satisfied + tolerating / 2) / total, Math.round(total),
                Math.round(satisfied), Math.round(tolerating), Math.round(frustrated));
    }

    /** An Apdex score (null without samples) and the counts behind it. */
    public record Apdex(double thresholdMs, Double score, long samples, long satisfied, long tolerating,
                        long frustrated) {
    }
}
