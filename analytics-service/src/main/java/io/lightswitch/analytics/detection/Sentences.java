package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.verdict.CohortSummary;
import io.lightswitch.analytics.detection.verdict.Evidence;
import io.lightswitch.analytics.detection.verdict.Evidence.Comparison;
import io.lightswitch.analytics.detection.verdict.Reason;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes a verdict as one line a person can act on. */
final class Sentences {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;

    Sentences(ZoneId zone) {
        this.zone = zone;
    }

    String judged(Subject subject, Metric metric, Reason reason, Evidence evidence,
                  DetectionConfig.Thresholds thresholds, Instant since) {
        String where = subject.slice().isAll() ? "" : " on " + subject.slice();
        String who = evidence.comparison() == Comparison.COHORTS
                ? " for " + subject.cohort()
                : " after " + subject.cohort();
        String numbers = numbers(metric, evidence);
        String upOrDown = evidence.effect() >= 0 ? "up" : "down";
        return switch (reason) {
            case SIGNIFICANT_CHANGE -> metric.label() + " " + upOrDown + where + who + ": " + numbers
                    + " since " + LocalTime.ofInstant(since, zone).format(CLOCK);
            case BELOW_PRACTICAL_THRESHOLD -> metric.label() + " " + upOrDown + where + who
                    + " but by less than the " + effectSize(metric, thresholds.practical()) + " threshold: " + numbers;
            case WITHIN_MARGIN -> metric.label() + " within +-" + effectSize(metric, thresholds.margin())
                    + where + who + ": " + numbers;
            default -> "no significant change in " + metric.label() + where + who
                    + " (which is not proof of no change): " + numbers;
        };
    }

    String insufficient(Subject subject, Metric metric, Comparison comparison, Reason reason, CohortSummary treatment,
                        CohortSummary control, long events, DetectionConfig config) {
        String where = subject.slice().isAll() ? "" : " on " + subject.slice();
        String who = comparison == Comparison.COHORTS ? " for " + subject.cohort() : " after " + subject.cohort();
        String other = comparison == Comparison.COHORTS ? "control" : "baseline";
        String detail = switch (reason) {
            case MISSING_CONTROL -> comparison == Comparison.COHORTS
                    ? "no control traffic to compare with"
                    : "no baseline: no history and no traffic before the change";
            case NO_DATA -> "no " + metric.sampleNoun() + " yet";
            case TOO_FEW_SAMPLES -> treatment.samples() + " vs " + control.samples() + " " + other + " "
                    + metric.sampleNoun() + ", minimum " + config.minSamplesPerCohort() + " each";
            case TOO_FEW_EVENTS -> "only " + events + " " + metric.label() + " in both together, minimum "
                    + config.minEvents();
            default -> reason.name();
        };
        return "not enough data on " + metric.label() + where + who + ": " + detail;
    }

    private static String numbers(Metric metric, Evidence evidence) {
        String other = evidence.comparison() == Comparison.COHORTS ? "" : "baseline ";
        String confidence = percent(evidence.confidence()) + " CS";
        if (metric.kind() == Metric.Kind.PROPORTION) {
            return rate(evidence.treatment().value()) + " vs " + other + rate(evidence.control().value())
                    + " (" + points(evidence.effect(), true) + " points, " + confidence + " ["
                    + points(evidence.interval().lower(), true) + ", " + points(evidence.interval().upper(), true)
                    + "]), " + evidence.treatment().samples() + " vs " + evidence.control().samples() + " "
                    + metric.sampleNoun();
        }
        return "geometric mean " + Math.round(evidence.treatment().value()) + " " + metric.unit() + " vs " + other
                + Math.round(evidence.control().value()) + " " + metric.unit() + " ("
                + relative(evidence.effect()) + ", " + confidence + " [" + relative(evidence.interval().lower())
                + ", " + relative(evidence.interval().upper()) + "]), " + evidence.treatment().samples() + " vs "
                + evidence.control().samples() + " " + metric.sampleNoun();
    }

    private static String effectSize(Metric metric, double size) {
        return metric.kind() == Metric.Kind.PROPORTION ? points(size, false) + " points" : percent(size);
    }

    private static String rate(double fraction) {
        return fixed(fraction * 100, fraction < 0.01 ? 2 : 1, false) + "%";
    }

    private static String points(double fraction, boolean signed) {
        double points = fraction * 100;
        return fixed(points, Math.abs(points) < 1 ? 2 : 1, signed);
    }

    private static String relative(double fraction) {
        return fixed(fraction * 100, 1, true) + "%";
    }

    /** 0.95 as "95%", 0.99375 as "99.38%". */
    private static String percent(double fraction) {
        String text = fixed(fraction * 100, 2, false);
        if (text.endsWith(".00")) {
            return text.substring(0, text.length() - 3) + "%";
        }
        return (text.endsWith("0") ? text.substring(0, text.length() - 1) : text) + "%";
    }

    // Hand-formatted because String.format dominated the cost of a look in hour-long simulations.
    static String fixed(double value, int decimals, boolean signed) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        long scale = decimals == 1 ? 10 : 100;
        long scaled = Math.round(Math.abs(value) * scale);
        StringBuilder text = new StringBuilder(12);
        if (scaled != 0 && value < 0) {
            text.append('-');
        } else if (signed) {
            text.append('+');
        }
        text.append(scaled / scale).append('.');
        long fraction = scaled % scale;
        if (decimals == 2 && fraction < 10) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }
}
