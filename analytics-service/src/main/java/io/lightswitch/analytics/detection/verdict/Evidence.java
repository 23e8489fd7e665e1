package io.lightswitch.analytics.detection.verdict;

/**
 * Numbers behind a verdict.
 *
 * @param comparison     cohorts (treatment vs control) or before/after a full toggle (after vs baseline)
 * @param treatment      the variant's cohort, or the period after the toggle
 * @param control        the control cohort, or the baseline
 * @param scale          what {@code effect} and {@code interval} measure
 * @param effect         treatment minus control in points (as a fraction), or relative change of the
 *                       geometric mean (0.3 = +30%)
 * @param relativeEffect effect relative to control (for proportions, the difference over the control rate,
 *                       infinite or NaN when the control rate is 0)
 * @param interval       always-valid confidence sequence for {@code effect} at this look
 * @param confidence     coverage of {@code interval} over all looks together
 * @param logEValue      ln of the mixture likelihood ratio against no effect; NaN when not computed
 */
public record Evidence(Comparison comparison, CohortSummary treatment, CohortSummary control, Scale scale,
                       double effect, double relativeEffect, Interval interval, double confidence,
                       double logEValue) {

    public enum Comparison { COHORTS, BEFORE_AFTER }

    public enum Scale { DIFFERENCE_IN_POINTS, RELATIVE_CHANGE }
}
