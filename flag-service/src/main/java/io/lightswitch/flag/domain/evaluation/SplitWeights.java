package io.lightswitch.flag.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns split percentages into contiguous bucket ranges. */
final class SplitWeights {

    static final int BUCKETS_PER_PERCENT = BucketHasher.BUCKETS / 100;
    /** How far the rounded weights may miss the full range and still be accepted: 0.001%. */
    static final int TOLERANCE_IN_BUCKETS = 1;

    private static final BigDecimal BUCKETS_PER_PERCENT_DECIMAL = BigDecimal.valueOf(BUCKETS_PER_PERCENT);

    private SplitWeights() {
    }

    /** A finite percentage as a bucket count, rounded half to even. */
    static int toBuckets(double percent) {
        return BigDecimal.valueOf(percent)
                .multiply(BUCKETS_PER_PERCENT_DECIMAL)
                .setScale(0, RoundingMode.HALF_EVEN)
                .intValueExact();
    }

    static boolean coversAllBuckets(int[] bucketCounts) {
        return Math.abs(sum(bucketCounts) - BucketHasher.BUCKETS) <= TOLERANCE_IN_BUCKETS
                && lastNonZero(bucketCounts) >= 0;
    }

    /**
     * Cumulative exclusive upper bounds, in listed order, for counts that {@link #coversAllBuckets cover
     * all buckets}. The last non-zero share absorbs the rounding gap, so the bound of the last non-zero
     * entry is exactly {@link BucketHasher#BUCKETS} and a zero share never covers any bucket.
     */
    static int[] upperBounds(int[] bucketCounts) {
        int[] counts = bucketCounts.clone();
        counts[lastNonZero(counts)] += BucketHasher.BUCKETS - sum(counts);
        int[] bounds = new int[counts.length];
        int cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            bounds[i] = cumulative;
        }
        return bounds;
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    private static int lastNonZero(int[] counts) {
        for (int i = counts.length - 1; i >= 0; i--) {
            if (counts[i] != 0) {
                return i;
            }
        }
        return -1;
    }
}
