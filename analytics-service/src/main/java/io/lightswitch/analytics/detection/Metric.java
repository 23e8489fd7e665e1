package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.sample.LogNormalSample;
import io.lightswitch.analytics.detection.sample.MetricSample;

import java.util.Locale;

/**
 * What is compared and which way is good. Proportions are compared as a difference in points; log-normal
 * measurements as a difference of mean ln(value), reported as a relative change of the geometric mean.
 *
 * @param key    stable identifier used in config and messages, e.g. {@code error_rate}
 * @param label  noun for sentences, e.g. {@code errors}
 * @param unit   unit of log-normal values ({@code ms}); empty for proportions
 * @param sampleNoun what one unit is: {@code requests}, {@code page views}, {@code sessions}
 */
public record Metric(String key, String label, Kind kind, Direction direction, String unit, String sampleNoun) {

    public enum Kind { PROPORTION, LOG_NORMAL }

    public enum Direction {
        LOWER_IS_BETTER, HIGHER_IS_BETTER;

        /** +1 when an increase is bad, -1 when a decrease is bad. */
        public int harmSign() {
            return this == LOWER_IS_BETTER ? 1 : -1;
        }
    }

    public static Metric errorRate() {
        return new Metric("error_rate", "errors", Kind.PROPORTION, Direction.LOWER_IS_BETTER, "", "requests");
    }

    public static Metric latency() {
        return new Metric("latency", "latency", Kind.LOG_NORMAL, Direction.LOWER_IS_BETTER, "ms", "requests");
    }

    /** Page views with at least one JS error, per page view. */
    public static Metric jsErrorRate() {
        return new Metric("js_error_rate", "JS errors", Kind.PROPORTION, Direction.LOWER_IS_BETTER, "", "page views");
    }

    /** A page-load timing such as {@code lcp}, {@code ttfb} or {@code inp}, in ms. */
    public static Metric pageLoad(String timing) {
        return new Metric("page_load." + timing, timing.toUpperCase(Locale.ROOT), Kind.LOG_NORMAL,
                Direction.LOWER_IS_BETTER, "ms", "page views");
    }

    /** Sessions in which the custom event happened at least once, per session; more is better. */
    public static Metric conversion(String event) {
        return new Metric("conversion." + event, event + " conversions", Kind.PROPORTION,
                Direction.HIGHER_IS_BETTER, "", "sessions");
    }

    public boolean accepts(MetricSample sample) {
        return kind == Kind.PROPORTION ? sample instanceof CountSample : sample instanceof LogNormalSample;
    }
}
