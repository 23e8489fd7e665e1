package io.lightswitch.analytics.detection;

/**
 * What the metric would have been without the toggle, with the uncertainty of that prediction.
 *
 * @param mean             expected level on the test scale: a rate, or a mean of ln(value)
 * @param spread           standard deviation of the prediction error of {@code mean} for today's window
 * @param degreesOfFreedom of the Student t quantile applied to {@code spread}; infinite for a normal quantile
 * @param samples          units behind the baseline
 * @param events           events behind it (proportions), for the sparse-data rule
 * @param days             past days used; 0 for the preceding window
 */
public record Baseline(Basis basis, double mean, double spread, double degreesOfFreedom, long samples, long events,
                       int days) {

    public enum Basis {
        /** The same clock-time window on past days: follows daily patterns and day-to-day variation. */
        TIME_OF_DAY,
        /** A window just before the change: assumes the level does not drift across the change. */
        PRECEDING_WINDOW
    }
}
