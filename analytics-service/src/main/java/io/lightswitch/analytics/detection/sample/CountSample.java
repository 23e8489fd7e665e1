package io.lightswitch.analytics.detection.sample;

/**
 * Units and the units with the event: requests with an error, page views with at least one JS error,
 * sessions that converted. Each unit counts at most once, so {@code events <= n} and the rate is a proportion.
 */
public record CountSample(long n, long events) implements MetricSample {

    public static final CountSample EMPTY = new CountSample(0, 0);

    public CountSample {
        if (n < 0 || events < 0 || events > n) {
            throw new IllegalArgumentException("need 0 <= events <= n, got events=" + events + ", n=" + n);
        }
    }

    public CountSample plus(CountSample other) {
        return new CountSample(n + other.n, events + other.events);
    }

    @Override
    public double mean() {
        return n == 0 ? Double.NaN : (double) events / n;
    }
}
