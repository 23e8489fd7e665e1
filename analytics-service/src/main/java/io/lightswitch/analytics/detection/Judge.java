package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.sample.LogNormalSample;
import io.lightswitch.analytics.detection.sample.MetricSample;
import io.lightswitch.analytics.detection.verdict.CohortSummary;
import io.lightswitch.analytics.detection.verdict.Evidence;
import io.lightswitch.analytics.detection.verdict.Evidence.Comparison;
import io.lightswitch.analytics.detection.verdict.Evidence.Scale;
import io.lightswitch.analytics.detection.verdict.Interval;
import io.lightswitch.analytics.detection.verdict.Reason;
import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;

import java.time.Instant;
import java.util.Objects;

/** Turns an estimate and its always-valid interval into a verdict; shared by cohort and toggle detection. */
final class Judge {

    private final DetectionConfig config;
    private final Sentences sentences;

    Judge(DetectionConfig config) {
        this.config = config;
        this.sentences = new Sentences(config.zone());
    }

    /**
     * @param effect    treatment minus control on the test scale (points as a fraction, or ln-ratio)
     * @param lower     lower end of the interval on the test scale
     * @param upper     upper end of the interval on the test scale
     */
    Verdict judge(Subject subject, Metric metric, Comparison comparison, CohortSummary treatment,
                  CohortSummary control, double effect, double lower, double upper, double confidence,
                  double logEValue, Instant at, Verdict previous) {
        DetectionConfig.Thresholds thresholds = config.thresholdsFor(metric);
        double practical = toTestScale(metric, thresholds.practical());
        double margin = toTestScale(metric, thresholds.margin());
        int harm = metric.direction().harmSign();
        double harmfulEffect = harm * effect;
        boolean significant = lower > 0 || upper < 0;

        Status status;
        Reason reason;
        if (significant && Math.abs(effect) > practical) {
            status = harmfulEffect > 0 ? Status.DEGRADED : Status.IMPROVED;
            reason = Reason.SIGNIFICANT_CHANGE;
        } else if (significant) {
            status = Status.HEALTHY;
            reason = Reason.BELOW_PRACTICAL_THRESHOLD;
        } else if (margin > 0 && lower > -margin && upper < margin) {
            status = Status.HEALTHY;
            reason = Reason.WITHIN_MARGIN;
        } else {
            status = Status.HEALTHY;
            reason = Reason.NO_SIGNIFICANT_CHANGE;
        }

        Evidence evidence = metric.kind() == Metric.Kind.PROPORTION
                ? new Evidence(comparison, treatment, control, Scale.DIFFERENCE_IN_POINTS, effect,
                effect / control.value(), new Interval(lower, upper), confidence, logEValue)
                : new Evidence(comparison, treatment, control, Scale.RELATIVE_CHANGE, Math.expm1(effect),
                Math.expm1(effect), new Interval(Math.expm1(lower), Math.expm1(upper)), confidence, logEValue);
        Instant since = since(subject, metric, status, at, previous);
        return new Verdict(subject, metric, status, reason, evidence, at, since,
                sentences.judged(subject, metric, reason, evidence, thresholds, since));
    }

    Verdict insufficient(Subject subject, Metric metric, Comparison comparison, Reason reason,
                         CohortSummary treatment, CohortSummary control, long events, double confidence,
                         Instant at, Verdict previous) {
        Evidence evidence = new Evidence(comparison, treatment, control,
                metric.kind() == Metric.Kind.PROPORTION ? Scale.DIFFERENCE_IN_POINTS : Scale.RELATIVE_CHANGE,
                Double.NaN, Double.NaN, Interval.UNKNOWN, confidence, Double.NaN);
        return new Verdict(subject, metric, Status.INSUFFICIENT_DATA, reason, evidence, at,
                since(subject, metric, Status.INSUFFICIENT_DATA, at, previous),
                sentences.insufficient(subject, metric, comparison, reason, treatment, control, events, config));
    }

    static CohortSummary summary(MetricSample sample) {
        if (sample == null) {
            return CohortSummary.NONE;
        }
        if (sample instanceof LogNormalSample logs) {
            return new CohortSummary(logs.n(), logs.n() == 0 ? Double.NaN : logs.geometricMean());
        }
        return new CohortSummary(sample.n(), sample.mean());
    }

    static long events(MetricSample sample) {
        return sample instanceof CountSample counts ? counts.events() : 0;
    }

    private static double toTestScale(Metric metric, double size) {
        return metric.kind() == Metric.Kind.PROPORTION ? size : Math.log1p(size);
    }

    private static Instant since(Subject subject, Metric metric, Status status, Instant at, Verdict previous) {
        if (previous == null) {
            return at;
        }
        if (!previous.subject().equals(subject) || !Objects.equals(previous.metric().key(), metric.key())) {
            throw new IllegalArgumentException("previous verdict is for " + previous.subject() + " "
                    + previous.metric().key() + ", not " + subject + " " + metric.key());
        }
        return previous.status() == status ? previous.since() : at;
    }
}
