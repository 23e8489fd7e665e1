package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.MetricSample;
import io.lightswitch.analytics.detection.stats.Estimate;
import io.lightswitch.analytics.detection.stats.Estimators;
import io.lightswitch.analytics.detection.stats.NormalMixtureBoundary;
import io.lightswitch.analytics.detection.verdict.Evidence.Comparison;
import io.lightswitch.analytics.detection.verdict.Reason;
import io.lightswitch.analytics.detection.verdict.Verdict;

import java.time.Instant;
import java.util.Optional;

/**
 * Treatment vs control for a partial rollout, at any number of looks. Each look passes the cumulative
 * samples since the rollout began; the interval is a confidence sequence, so looking every 10 s does not
 * raise the false-alarm rate above 1 - confidence.
 */
public final class CohortDetector {

    private final DetectionConfig config;
    private final NormalMixtureBoundary boundary;
    private final Judge judge;

    public CohortDetector(DetectionConfig config) {
        this.config = config;
        this.boundary = new NormalMixtureBoundary(config.targetSamples());
        this.judge = new Judge(config);
    }

    public Verdict assess(CohortContrast contrast, Instant at) {
        return assess(contrast, at, null, config.confidence());
    }

    /** @param previous the last verdict for the same subject and metric, or null; it carries {@code since} */
    public Verdict assess(CohortContrast contrast, Instant at, Verdict previous) {
        return assess(contrast, at, previous, config.confidence());
    }

    /** As {@link #assess(CohortContrast, Instant, Verdict)} at another confidence, e.g. Bonferroni-corrected. */
    public Verdict assess(CohortContrast contrast, Instant at, Verdict previous, double confidence) {
        MetricSample treatment = contrast.treatment();
        MetricSample control = contrast.control();
        Optional<Reason> missing = missingData(contrast);
        if (missing.isPresent()) {
            return judge.insufficient(contrast.subject(), contrast.metric(), Comparison.COHORTS, missing.get(),
                    Judge.summary(treatment), Judge.summary(control),
                    Judge.events(treatment) + Judge.events(control), confidence, at, previous);
        }
        double alpha = 1 - confidence;
        Estimate estimate = Estimators.difference(treatment, control);
        double halfWidth = boundary.halfWidth(estimate.variance(), estimate.samples(), alpha);
        double logE = boundary.logEValue(estimate.effect(), estimate.variance(), estimate.samples(), alpha);
        return judge.judge(contrast.subject(), contrast.metric(), Comparison.COHORTS, Judge.summary(treatment),
                Judge.summary(control), estimate.effect(), estimate.effect() - halfWidth,
                estimate.effect() + halfWidth, confidence, logE, at, previous);
    }

    /** Why the contrast cannot be judged yet, if it cannot: missing control first, then sparse data. */
    Optional<Reason> missingData(CohortContrast contrast) {
        MetricSample treatment = contrast.treatment();
        MetricSample control = contrast.control();
        if (control == null || control.n() == 0) {
            return Optional.of(Reason.MISSING_CONTROL);
        }
        if (treatment.n() == 0) {
            return Optional.of(Reason.NO_DATA);
        }
        if (treatment.n() < config.minSamplesPerCohort() || control.n() < config.minSamplesPerCohort()) {
            return Optional.of(Reason.TOO_FEW_SAMPLES);
        }
        if (contrast.metric().kind() == Metric.Kind.PROPORTION
                && Judge.events(treatment) + Judge.events(control) < config.minEvents()) {
            return Optional.of(Reason.TOO_FEW_EVENTS);
        }
        return Optional.empty();
    }
}
