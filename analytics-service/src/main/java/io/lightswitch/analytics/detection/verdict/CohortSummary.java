package io.lightswitch.analytics.detection.verdict;

/**
 * One side of a comparison as people read it.
 *
 * @param samples units (requests, page views, sessions); for a time-of-day baseline, the units of all past days
 * @param value   the rate as a fraction, or the geometric mean in the metric's unit; NaN when there is no data
 */
public record CohortSummary(long samples, double value) {

    public static final CohortSummary NONE = new CohortSummary(0, Double.NaN);
}
