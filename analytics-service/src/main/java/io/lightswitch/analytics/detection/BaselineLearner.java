package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.sample.MetricSample;
import io.lightswitch.analytics.detection.stats.Estimators;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Learns a baseline for a full toggle from the metric's own history. With at least
 * {@link DetectionConfig#minBaselineDays()} past days that have data in the same clock-time window as the
 * period after the change, the baseline is the level across those days and the spread between them, so
 * daily patterns and day-to-day variation are part of it. Otherwise it falls back to the window before
 * the change, with only its sampling error as spread.
 */
public final class BaselineLearner {

    private final DetectionConfig config;

    public BaselineLearner(DetectionConfig config) {
        this.config = config;
    }

    /**
     * @param sameWindowOnPastDays one sample per past day over the clock-time window [change, now]; days
     *                             without data are ignored
     * @param precedingWindow      the window just before the change (e.g. the hour before), or null
     * @return empty when neither source has any data
     */
    public Optional<Baseline> learn(Metric metric, List<? extends MetricSample> sameWindowOnPastDays,
                                    MetricSample precedingWindow) {
        List<? extends MetricSample> days = sameWindowOnPastDays.stream().filter(day -> day.n() > 0).toList();
        if (days.size() >= config.minBaselineDays()) {
            return Optional.of(fromDays(days));
        }
        if (precedingWindow != null && precedingWindow.n() > 1) {
            return Optional.of(new Baseline(Baseline.Basis.PRECEDING_WINDOW, precedingWindow.mean(),
                    Math.sqrt(Estimators.unitVariance(precedingWindow) / precedingWindow.n()),
                    Double.POSITIVE_INFINITY, precedingWindow.n(), events(precedingWindow), 0));
        }
        return Optional.empty();
    }

    private static Baseline fromDays(List<? extends MetricSample> days) {
        double[] levels = days.stream().mapToDouble(MetricSample::mean).toArray();
        long samples = days.stream().mapToLong(MetricSample::n).sum();
        long events = days.stream().mapToLong(BaselineLearner::events).sum();
        double mean = Arrays.stream(levels).average().orElseThrow();
        // A prediction interval for a new day: between-day variance plus the error of the mean of the days.
        double spread = Math.sqrt(new Variance().evaluate(levels) * (1 + 1.0 / levels.length));
        return new Baseline(Baseline.Basis.TIME_OF_DAY, mean, spread, levels.length - 1, samples, events,
                levels.length);
    }

    private static long events(MetricSample sample) {
        return sample instanceof CountSample counts ? counts.events() : 0;
    }
}
