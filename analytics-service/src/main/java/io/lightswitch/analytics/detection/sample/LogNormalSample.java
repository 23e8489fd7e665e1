package io.lightswitch.analytics.detection.sample;

/**
 * Sufficient statistics of ln(value) for a positive, right-skewed measurement (latency in ms, page-load
 * timings): count, sum of ln(value) and sum of ln(value)^2, all additive across buckets.
 */
public record LogNormalSample(long n, double sumLog, double sumLogSq) implements MetricSample {

    public static final LogNormalSample EMPTY = new LogNormalSample(0, 0, 0);

    public LogNormalSample {
        if (n < 0 || !Double.isFinite(sumLog) || !Double.isFinite(sumLogSq) || sumLogSq < 0) {
            throw new IllegalArgumentException("invalid log-normal sample: n=" + n);
        }
    }

    public static LogNormalSample of(double... values) {
        double sum = 0;
        double sumSq = 0;
        for (double value : values) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("values must be positive, got " + value);
            }
            double log = Math.log(value);
            sum += log;
            sumSq += log * log;
        }
        return new LogNormalSample(values.length, sum, sumSq);
    }

    public LogNormalSample plus(LogNormalSample other) {
        return new LogNormalSample(n + other.n, sumLog + other.sumLog, sumLogSq + other.sumLogSq);
    }

    @Override
    public double mean() {
        return n == 0 ? Double.NaN : sumLog / n;
    }

    /** Sample variance of ln(value); sums of squares can lose a little precision, so it is clamped at zero. */
    public double variance() {
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sumLog / n;
        return Math.max(0, (sumLogSq - n * mean * mean) / (n - 1));
    }

    /** exp(mean ln value): the median under a log-normal, in the unit of the values. */
    public double geometricMean() {
        return Math.exp(mean());
    }
}
