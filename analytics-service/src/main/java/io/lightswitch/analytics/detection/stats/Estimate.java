package io.lightswitch.analytics.detection.stats;

/**
 * An effect estimate on the test scale with the variance of its estimator, after {@code samples} units.
 *
 * @param effect   treatment minus control (or after minus baseline): points as a fraction, or ln-ratio
 * @param variance variance of {@code effect} as an estimator, from plug-in per-unit variances
 * @param samples  units that went into it; the "time" of the confidence sequence
 */
public record Estimate(double effect, double variance, double samples) {
}
