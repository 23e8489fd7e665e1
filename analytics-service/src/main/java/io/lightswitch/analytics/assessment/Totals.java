package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Metric;
import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.sample.LogNormalSample;
import io.lightswitch.analytics.detection.sample.MetricSample;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Additive sums of the series columns detection reads, over any set of rows (a cohort, a slice, a past day).
 * Span rows carry requests and latency, browser rows carry beacons and page-load timings; summing both kinds
 * is safe because each leaves the other's columns at zero.
 */
record Totals(long requests, long errors, LogSums latency, long beacons, long beaconsJsError, LogSums ttfb,
              LogSums lcp, LogSums inp, LogSums cls, Map<String, Long> customEvents) {

    static final Totals EMPTY = new Totals(0, 0, LogSums.EMPTY, 0, 0, LogSums.EMPTY, LogSums.EMPTY, LogSums.EMPTY,
            LogSums.EMPTY, Map.of());

    /** Count, sum of ln(value) and sum of ln(value)^2 of one log-normal measurement. */
    record LogSums(long n, double sumLog, double sumLogSq) {
        static final LogSums EMPTY = new LogSums(0, 0, 0);

        LogSums plus(LogSums other) {
            return new LogSums(n + other.n, sumLog + other.sumLog, sumLogSq + other.sumLogSq);
        }

        LogNormalSample sample() {
            // sums of squares written by many additions can end a hair below zero for constant data
            return new LogNormalSample(n, sumLog, Math.max(0, sumLogSq));
        }
    }

    private static final Map<String, java.util.function.Function<Totals, LogSums>> PAGE_LOAD = Map.of(
            "ttfb", Totals::ttfb, "lcp", Totals::lcp, "inp", Totals::inp, "cls", Totals::cls);

    Totals withCustomEvents(Map<String, Long> events) {
        return new Totals(requests, errors, latency, beacons, beaconsJsError, ttfb, lcp, inp, cls, Map.copyOf(events));
    }

    Totals plus(Totals other) {
        Map<String, Long> events = new HashMap<>(customEvents);
        other.customEvents.forEach((name, count) -> events.merge(name, count, Long::sum));
        return new Totals(requests + other.requests, errors + other.errors, latency.plus(other.latency),
                beacons + other.beacons, beaconsJsError + other.beaconsJsError, ttfb.plus(other.ttfb),
                lcp.plus(other.lcp), inp.plus(other.inp), cls.plus(other.cls), events);
    }

    /** Requests and page views: what makes a variant count as present in a window. */
    long units() {
        return requests + beacons;
    }

    /**
     * The metrics these totals have any data for, in a stable order: request metrics, browser metrics,
     * then conversions by event name.
     */
    Set<String> metricKeys() {
        Set<String> keys = new LinkedHashSet<>();
        if (requests > 0) {
            keys.add(Metric.errorRate().key());
        }
        if (latency.n() > 0) {
            keys.add(Metric.latency().key());
        }
        if (beacons > 0) {
            keys.add(Metric.jsErrorRate().key());
        }
        for (String timing : new String[] {"lcp", "inp", "ttfb", "cls"}) {
            if (PAGE_LOAD.get(timing).apply(this).n() > 0) {
                keys.add(Metric.pageLoad(timing).key());
            }
        }
        new TreeSet<>(customEvents.keySet()).stream()
                .filter(name -> customEvents.get(name) > 0)
                .forEach(name -> keys.add(Metric.conversion(name).key()));
        return keys;
    }

    /** The sample of one metric; units with the event are capped at the units, so a proportion stays one. */
    MetricSample sample(Metric metric) {
        String key = metric.key();
        if (key.equals("error_rate")) {
            return counts(requests, errors);
        }
        if (key.equals("latency")) {
            return latency.sample();
        }
        if (key.equals("js_error_rate")) {
            return counts(beacons, beaconsJsError);
        }
        if (key.startsWith(Metrics.PAGE_LOAD_PREFIX)) {
            var sums = PAGE_LOAD.get(key.substring(Metrics.PAGE_LOAD_PREFIX.length()));
            if (sums == null) {
                throw new IllegalArgumentException("no page-load timing " + key);
            }
            return sums.apply(this).sample();
        }
        if (key.startsWith(Metrics.CONVERSION_PREFIX)) {
            return counts(beacons, customEvents.getOrDefault(key.substring(Metrics.CONVERSION_PREFIX.length()), 0L));
        }
        throw new IllegalArgumentException("unknown metric " + key);
    }

    private static CountSample counts(long units, long events) {
        long n = Math.max(0, units);
        return new CountSample(n, Math.max(0, Math.min(events, n)));
    }
}
