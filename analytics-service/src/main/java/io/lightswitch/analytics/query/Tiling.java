package io.lightswitch.analytics.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Covers a window exactly (to 10 s) with as few stored buckets as possible: whole hours from the hourly
 * series, the minutes around them from the minute series, and the remaining seconds from the 10 s series.
 * A total over 24 hours then merges about 24 + 2 x 59 + 2 x 5 buckets per series key instead of 8,640.
 * The start is rounded down and the end up to 10 s, so the bucket being written now is included.
 */
public final class Tiling {

    /** Buckets of {@code resolution} seconds starting in {@code [from, to)}. */
    public record Tile(int resolution, Instant from, Instant to) {
    }

    private Tiling() {
    }

    public static List<Tile> of(TimeWindow window) {
        long from = Math.floorDiv(window.from().getEpochSecond(), 10) * 10;
        long end = window.to().getEpochSecond() + (window.to().getNano() > 0 ? 1 : 0);
        long to = Math.floorDiv(end + 9, 10) * 10;
        List<Tile> tiles = new ArrayList<>();
        tile(from, to, 0, tiles);
        return tiles;
    }

    private static void tile(long from, long to, int level, List<Tile> tiles) {
        if (from >= to) {
            return;
        }
        int resolution = SeriesGrid.RESOLUTIONS[level];
        if (level == SeriesGrid.RESOLUTIONS.length - 1) {
            tiles.add(new Tile(resolution, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)));
            return;
        }
        long first = Math.floorDiv(from + resolution - 1, resolution) * resolution;
        long last = Math.floorDiv(to, resolution) * resolution;
        if (first >= last) {
            tile(from, to, level + 1, tiles);
            return;
        }
        tile(from, first, level + 1, tiles);
        tiles.add(new Tile(resolution, Instant.ofEpochSecond(first), Instant.ofEpochSecond(last)));
        tile(last, to, level + 1, tiles);
    }

    /** The tiles as the three arrays {@code unnest($n::int[], $n::timestamptz[], $n::timestamptz[])} takes. */
    public static Object[] sqlArrays(List<Tile> tiles) {
        Integer[] resolutions = new Integer[tiles.size()];
        OffsetDateTime[] froms = new OffsetDateTime[tiles.size()];
        OffsetDateTime[] tos = new OffsetDateTime[tiles.size()];
        for (int i = 0; i < tiles.size(); i++) {
            resolutions[i] = tiles.get(i).resolution();
            froms[i] = tiles.get(i).from().atOffset(ZoneOffset.UTC);
            tos[i] = tiles.get(i).to().atOffset(ZoneOffset.UTC);
        }
        return new Object[] {resolutions, froms, tos};
    }
}
