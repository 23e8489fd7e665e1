package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.MetricSample;

import java.util.Objects;

/**
 * Cumulative samples of one metric since the rollout began: the variant's cohort against the control
 * cohort (the users who are still served the flag's off or default variant) in the same slice.
 *
 * @param control null when storage has no control cohort at all; judged INSUFFICIENT_DATA, never healthy
 */
public record CohortContrast(Subject subject, Metric metric, MetricSample treatment, MetricSample control) {

    public CohortContrast {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(treatment, "treatment");
        if (!metric.accepts(treatment) || (control != null && !metric.accepts(control))) {
            throw new IllegalArgumentException(metric.key() + " needs " + metric.kind() + " samples");
        }
    }
}
