package io.lightswitch.analytics.detection.verdict;

public record Interval(double lower, double upper) {

    public static final Interval UNKNOWN = new Interval(Double.NaN, Double.NaN);

    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }
}
