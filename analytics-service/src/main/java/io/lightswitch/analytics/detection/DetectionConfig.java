package io.lightswitch.analytics.detection;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Policy knobs of detection. Defaults: 99% confidence sequences tuned for 10,000 units, at least 100
 * units per cohort and 5 events across both cohorts before any verdict, 3 past days for a time-of-day
 * baseline, no practical threshold and no equivalence margin.
 *
 * @param confidence          coverage of the confidence sequences, over all looks together (1 - alpha). A
 *                            false DEGRADED on one metric happens with probability at most alpha / 2 over the
 *                            whole rollout; 99% keeps a flag watched on two metrics under 1%
 * @param minSamplesPerCohort fewer units than this in either cohort gives INSUFFICIENT_DATA
 * @param minEvents           for proportions, fewer events than this in both cohorts together gives
 *                            INSUFFICIENT_DATA: mostly-zero data must not read as a pass
 * @param targetSamples       total units (treatment + control) at which the sequences are tightest
 * @param minBaselineDays     past days needed to use a time-of-day baseline instead of the preceding window
 * @param zone                time zone of the "since" clock time in sentences
 * @param thresholds          per metric key; metrics without an entry use {@link Thresholds#NONE}
 */
public record DetectionConfig(double confidence, long minSamplesPerCohort, long minEvents, long targetSamples,
                              int minBaselineDays, ZoneId zone, Map<String, Thresholds> thresholds) {

    /**
     * Effect sizes in the metric's reporting scale: points as a fraction (0.02 = 2 points) for proportions,
     * relative change (0.10 = +10%) for log-normal metrics.
     *
     * @param practical a significant change smaller than this is reported HEALTHY (below threshold)
     * @param margin    when positive, HEALTHY says "within the margin" once the interval lies inside +-margin
     */
    public record Thresholds(double practical, double margin) {
        public static final Thresholds NONE = new Thresholds(0, 0);

        public Thresholds {
            if (practical < 0 || margin < 0) {
                throw new IllegalArgumentException("thresholds are magnitudes and must not be negative");
            }
        }
    }

    public DetectionConfig {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (minSamplesPerCohort < 2 || minEvents < 0 || targetSamples < 1 || minBaselineDays < 2) {
            throw new IllegalArgumentException("need minSamplesPerCohort >= 2, minEvents >= 0, targetSamples >= 1,"
                    + " minBaselineDays >= 2");
        }
        thresholds = Map.copyOf(thresholds);
    }

    public static DetectionConfig defaults() {
        return new DetectionConfig(0.99, 100, 5, 10_000, 3, ZoneId.of("UTC"), Map.of());
    }

    public double alpha() {
        return 1 - confidence;
    }

    public Thresholds thresholdsFor(Metric metric) {
        return thresholds.getOrDefault(metric.key(), Thresholds.NONE);
    }

    public DetectionConfig withConfidence(double value) {
        return new DetectionConfig(value, minSamplesPerCohort, minEvents, targetSamples, minBaselineDays, zone,
                thresholds);
    }

    public DetectionConfig withMinimums(long samplesPerCohort, long events) {
        return new DetectionConfig(confidence, samplesPerCohort, events, targetSamples, minBaselineDays, zone,
                thresholds);
    }

    public DetectionConfig withTargetSamples(long value) {
        return new DetectionConfig(confidence, minSamplesPerCohort, minEvents, value, minBaselineDays, zone,
                thresholds);
    }

    public DetectionConfig withThresholds(Metric metric, Thresholds value) {
        Map<String, Thresholds> copy = new HashMap<>(thresholds);
        copy.put(metric.key(), value);
        return new DetectionConfig(confidence, minSamplesPerCohort, minEvents, targetSamples, minBaselineDays, zone,
                copy);
    }
}
