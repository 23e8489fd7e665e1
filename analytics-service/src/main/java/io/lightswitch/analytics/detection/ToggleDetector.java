package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.MetricSample;
import io.lightswitch.analytics.detection.stats.Estimate;
import io.lightswitch.analytics.detection.stats.Estimators;
import io.lightswitch.analytics.detection.stats.NormalMixtureBoundary;
import io.lightswitch.analytics.detection.verdict.CohortSummary;
import io.lightswitch.analytics.detection.verdict.Evidence.Comparison;
import io.lightswitch.analytics.detection.verdict.Reason;
import io.lightswitch.analytics.detection.verdict.Verdict;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Before vs after a full toggle. Alpha is split in two: half for a confidence sequence on the level after
 * the change (valid at every look), half for the baseline's prediction band; the interval for the effect is
 * the sum of both half-widths, so it holds when both do.
 */
public final class ToggleDetector {

    private final DetectionConfig config;
    private final NormalMixtureBoundary boundary;
    private final Judge judge;
    // Student t quantiles are computed by root finding; a detector sees few distinct day counts, so keep them.
    private final Map<Double, Double> bandQuantiles = new ConcurrentHashMap<>();

    public ToggleDetector(DetectionConfig config) {
        this.config = config;
        this.boundary = new NormalMixtureBoundary(config.targetSamples());
        this.judge = new Judge(config);
    }

    public Verdict assess(ToggleContrast contrast, Instant at) {
        return assess(contrast, at, null);
    }

    /** @param previous the last verdict for the same subject and metric, or null; it carries {@code since} */
    public Verdict assess(ToggleContrast contrast, Instant at, Verdict previous) {
        MetricSample after = contrast.after();
        Baseline baseline = contrast.baseline();
        CohortSummary afterSummary = Judge.summary(after);
        CohortSummary baselineSummary = baseline == null
                ? CohortSummary.NONE
                : new CohortSummary(baseline.samples(), contrast.metric().kind() == Metric.Kind.PROPORTION
                ? baseline.mean() : Math.exp(baseline.mean()));
        Reason missing = missingData(contrast);
        if (missing != null) {
            long events = Judge.events(after) + (baseline == null ? 0 : baseline.events());
            return judge.insufficient(contrast.subject(), contrast.metric(), Comparison.BEFORE_AFTER, missing,
                    afterSummary, baselineSummary, events, config.confidence(), at, previous);
        }
        double halfAlpha = config.alpha() / 2;
        Estimate level = Estimators.mean(after);
        double sequential = boundary.halfWidth(level.variance(), level.samples(), halfAlpha);
        double band = bandQuantiles.computeIfAbsent(baseline.degreesOfFreedom(), dof -> quantile(dof, halfAlpha))
                * baseline.spread();
        double effect = level.effect() - baseline.mean();
        // Evidence counts only what lies beyond the baseline's band, so a noisy baseline weakens it.
        double beyondBand = Math.signum(effect) * Math.max(0, Math.abs(effect) - band);
        double logE = boundary.logEValue(beyondBand, level.variance(), level.samples(), halfAlpha);
        return judge.judge(contrast.subject(), contrast.metric(), Comparison.BEFORE_AFTER, afterSummary,
                baselineSummary, effect, effect - sequential - band, effect + sequential + band,
                config.confidence(), logE, at, previous);
    }

    private Reason missingData(ToggleContrast contrast) {
        Baseline baseline = contrast.baseline();
        MetricSample after = contrast.after();
        if (baseline == null || baseline.samples() == 0) {
            return Reason.MISSING_CONTROL;
        }
        if (after.n() == 0) {
            return Reason.NO_DATA;
        }
        if (after.n() < config.minSamplesPerCohort() || baseline.samples() < config.minSamplesPerCohort()) {
            return Reason.TOO_FEW_SAMPLES;
        }
        if (contrast.metric().kind() == Metric.Kind.PROPORTION
                && Judge.events(after) + baseline.events() < config.minEvents()) {
            return Reason.TOO_FEW_EVENTS;
        }
        return null;
    }

    /** Two-sided quantile for the band at level alpha. */
    private static double quantile(double degreesOfFreedom, double alpha) {
        double p = 1 - alpha / 2;
        return Double.isInfinite(degreesOfFreedom)
                ? new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p)
                : new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(p);
    }
}
