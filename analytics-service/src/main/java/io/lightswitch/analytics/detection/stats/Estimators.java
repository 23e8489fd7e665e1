package io.lightswitch.analytics.detection.stats;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.sample.LogNormalSample;
import io.lightswitch.analytics.detection.sample.MetricSample;

/** Effect estimates and plug-in variances from additive samples. */
public final class Estimators {

    private Estimators() {
    }

    /** Difference of means, treatment minus control, with time = units in both cohorts. */
    public static Estimate difference(MetricSample treatment, MetricSample control) {
        double variance = unitVariance(treatment) / treatment.n() + unitVariance(control) / control.n();
        return new Estimate(treatment.mean() - control.mean(), variance, treatment.n() + control.n());
    }

    /** Mean of one sample, with time = its units. */
    public static Estimate mean(MetricSample sample) {
        return new Estimate(sample.mean(), unitVariance(sample) / sample.n(), sample.n());
    }

    /**
     * Variance of one unit. For proportions it uses the Agresti-Caffo adjusted rate (one event and one
     * non-event added): with 0 errors in 100 requests the plain estimate is 0, which would make any
     * difference look certain; the adjustment keeps sparse data from raising false alarms.
     */
    public static double unitVariance(MetricSample sample) {
        if (sample instanceof CountSample counts) {
            double adjusted = (counts.events() + 1.0) / (counts.n() + 2.0);
            return adjusted * (1 - adjusted);
        }
        return ((LogNormalSample) sample).variance();
    }
}
