package io.lightswitch.contracts.analytics;

/**
 * The numbers behind a verdict. Values that do not exist (a rate of an empty cohort, a relative effect
 * over a zero control rate) are null, never NaN or infinity, so the JSON stays valid.
 *
 * @param comparison     cohorts (treatment vs control) or before_after (a full toggle against its baseline)
 * @param scale          difference_in_points (effect 0.051 = +5.1 points) or relative_change (0.3 = +30%)
 * @param intervalLower  lower end of the always-valid confidence sequence for {@code effect}
 * @param confidence     coverage of the interval over all looks together, e.g. 0.99
 * @param logEValue      ln of the mixture likelihood ratio against no effect: the weight of evidence
 */
public record VerdictEvidence(
        String comparison,
        Cohort treatment,
        Cohort control,
        String scale,
        Double effect,
        Double relativeEffect,
        Double intervalLower,
        Double intervalUpper,
        double confidence,
        Double logEValue) {

    /**
     * @param value      the rate as a fraction, or the geometric mean in the metric's unit (ms for latency)
     * @param latencyP50 median latency in ms of the cohort's requests (the baseline's, before_after), from the
     *                   merged latency sketches of the assessed window, whatever the verdict's metric, so rules
     *                   on latency percentiles can read it; null when the cohort has no latency data, and absent
     *                   from messages of producers that predate the field
     * @param latencyP95 95th percentile latency in ms, as {@code latencyP50}
     * @param latencyP99 99th percentile latency in ms, as {@code latencyP50}
     */
    public record Cohort(long samples, Double value, Double latencyP50, Double latencyP95, Double latencyP99) {

        /** A cohort without latency quantiles, as before they were added. */
        public Cohort(long samples, Double value) {
            this(samples, value, null, null, null);
        }
    }
}
