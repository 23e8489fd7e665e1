package io.lightswitch.analytics.aggregate;

import java.time.Instant;

/**
 * One row of the series table: a bucket of {@code resolution} seconds starting at {@code bucketStart}
 * (epoch seconds) for a flag variant on a service operation. Empty flag and variant hold all traffic.
 */
public record SeriesKey(int resolution, long bucketStart, String project, String environment, String flagKey,
                        String variant, String service, String operation) {

    /** The resolutions every observation is written at, in seconds. */
    public static final int[] RESOLUTIONS = {10, 60, 3600};

    public static final String ALL = "";
    public static final String BROWSER = "browser";

    /** The primary key: the key columns joined with U+001F, which {@link Text#clean} keeps out of values. */
    public String id() {
        return resolution + "\u001f" + bucketStart + "\u001f" + project + "\u001f" + environment + "\u001f"
                + flagKey + "\u001f" + variant + "\u001f" + service + "\u001f" + operation;
    }

    public Instant bucketInstant() {
        return Instant.ofEpochSecond(bucketStart);
    }

    public static long bucketOf(Instant at, int resolution) {
        return Math.floorDiv(at.getEpochSecond(), resolution) * resolution;
    }
}
