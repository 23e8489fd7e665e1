package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.MetricSample;

import java.util.Objects;

/**
 * A full toggle (0% to 100% or back): the cumulative sample since the change against a learned baseline.
 *
 * @param subject  the flag and the variant everyone is served now
 * @param baseline null when there is no history at all; judged INSUFFICIENT_DATA
 */
public record ToggleContrast(Subject subject, Metric metric, Baseline baseline, MetricSample after) {

    public ToggleContrast {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(after, "after");
        if (!metric.accepts(after)) {
            throw new IllegalArgumentException(metric.key() + " needs " + metric.kind() + " samples");
        }
    }
}
