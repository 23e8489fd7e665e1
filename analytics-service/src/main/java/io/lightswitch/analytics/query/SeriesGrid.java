package io.lightswitch.analytics.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The points of a series: {@code points} steps from {@code start} (the window's start, aligned down to a
 * multiple of the step since the epoch, so points stay put as the window slides), read from the coarsest
 * stored resolution that divides the step. Both bounds keep the merging of sketches bounded: at most
 * {@link #MAX_POINTS} points, and at most {@link #MAX_BUCKETS} stored buckets per series key.
 */
public record SeriesGrid(Instant start, Instant end, long stepSeconds, int resolution, int points) {

    public static final int MAX_POINTS = 1_500;
    /** Fifteen days of minutes or sixty hours of 10 s buckets; longer windows need an hourly step. */
    public static final long MAX_BUCKETS = 21_600;
    /** Resolutions the intake writes, coarsest first. */
    public static final int[] RESOLUTIONS = {3600, 60, 10};
    private static final long[] DEFAULT_STEPS = {10, 30, 60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600,
            86_400, 7 * 86_400};
    private static final int DEFAULT_POINTS = 200;

    public static SeriesGrid of(TimeWindow window, String step) {
        String text = Parameters.optional(step);
        long seconds = text == null ? defaultStep(window) : Parameters.duration("step", text).toSeconds();
        if (seconds % 10 != 0) {
            throw new InvalidParameterException("step", "must be a multiple of 10s, the finest stored resolution");
        }
        int resolution = 10;
        for (int r : RESOLUTIONS) {
            if (seconds % r == 0) {
                resolution = r;
                break;
            }
        }
        long from = Math.floorDiv(window.from().getEpochSecond(), seconds) * seconds;
        long span = window.to().getEpochSecond() + (window.to().getNano() > 0 ? 1 : 0) - from;
        long points = Math.max(1, (span + seconds - 1) / seconds);
        if (points > MAX_POINTS) {
            throw new InvalidParameterException("step", "gives " + points + " points over this window; at most "
                    + MAX_POINTS + " are served, so use a larger step");
        }
        if (span / resolution > MAX_BUCKETS) {
            throw new InvalidParameterException("step", "would merge " + span / resolution + " buckets of "
                    + resolution + "s per series; use a step that is a multiple of "
                    + (resolution == 10 ? "1m" : "1h") + " for a window this long");
        }
        return new SeriesGrid(Instant.ofEpochSecond(from), window.to(), seconds, resolution, (int) points);
    }

    private static long defaultStep(TimeWindow window) {
        long span = Duration.between(window.from(), window.to()).toSeconds();
        for (long candidate : DEFAULT_STEPS) {
            if ((span + candidate - 1) / candidate <= DEFAULT_POINTS) {
                return candidate;
            }
        }
        return DEFAULT_STEPS[DEFAULT_STEPS.length - 1];
    }

    public Instant pointStart(int index) {
        return start.plusSeconds(index * stepSeconds);
    }

    /** The point a slot (epoch seconds divided by the step) falls in, or -1 outside the grid. */
    public int index(long slot) {
        long index = slot - start.getEpochSecond() / stepSeconds;
        return index >= 0 && index < points ? (int) index : -1;
    }

    /** The step as written back to clients: {@code 5m}, {@code 1h}, {@code 90s}. */
    public String step() {
        if (stepSeconds % 86_400 == 0) {
            return stepSeconds / 86_400 + "d";
        }
        if (stepSeconds % 3600 == 0) {
            return stepSeconds / 3600 + "h";
        }
        if (stepSeconds % 60 == 0) {
            return stepSeconds / 60 + "m";
        }
        return stepSeconds + "s";
    }

    public List<Instant> starts() {
        return java.util.stream.IntStream.range(0, points).mapToObj(this::pointStart).toList();
    }
}
