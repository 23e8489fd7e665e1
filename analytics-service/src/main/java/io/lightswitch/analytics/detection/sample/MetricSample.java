package io.lightswitch.analytics.detection.sample;

/**
 * Additive sufficient statistics of one cohort for one metric over a time range. Storage keeps them per
 * 10 s bucket and sums buckets with SQL, so every field must stay additive.
 */
public sealed interface MetricSample permits CountSample, LogNormalSample {

    /** Units observed: requests, page views or sessions. */
    long n();

    /** Estimate of the metric on its test scale: the rate for counts, the mean of ln(value) for log-normal. */
    double mean();
}
