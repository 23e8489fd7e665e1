package io.lightswitch.flag.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitWeightsTest {

    @Test
    void convertsPercentagesWithThreeDecimalsToExactBucketCounts() {
        assertThat(SplitWeights.toBuckets(33.333)).isEqualTo(33_333);
        assertThat(SplitWeights.toBuckets(0.001)).isEqualTo(1);
        assertThat(SplitWeights.toBuckets(12.5)).isEqualTo(12_500);
        assertThat(SplitWeights.toBuckets(100)).isEqualTo(100_000);
        assertThat(SplitWeights.toBuckets(0)).isZero();
    }

    @Test
    void roundsFinerPercentagesHalfToEven() {
        assertThat(SplitWeights.toBuckets(0.0005)).isZero();
        assertThat(SplitWeights.toBuckets(0.0015)).isEqualTo(2);
        assertThat(SplitWeights.toBuckets(0.0025)).isEqualTo(2);
        assertThat(SplitWeights.toBuckets(0.0026)).isEqualTo(3);
    }

    @Test
    void lastEntryAbsorbsTheRoundingGapSoTheBoundsEndAtTheLastBucket() {
        assertThat(SplitWeights.upperBounds(new int[] {33_333, 33_333, 33_333}))
                .containsExactly(33_333, 66_666, 100_000);
        assertThat(SplitWeights.upperBounds(new int[] {50_000, 50_001}))
                .containsExactly(50_000, 100_000);
    }

    @Test
    void zeroShareCoversNoBucketsEvenInLastPlace() {
        assertThat(SplitWeights.upperBounds(new int[] {0, 49_999, 0, 50_000, 0}))
                .containsExactly(0, 49_999, 49_999, 100_000, 100_000);
    }

    @Test
    void acceptsTotalsWithinOneThousandthOfAPercent() {
        assertThat(SplitWeights.coversAllBuckets(new int[] {50_000, 50_000})).isTrue();
        assertThat(SplitWeights.coversAllBuckets(new int[] {50_000, 49_999})).isTrue();
        assertThat(SplitWeights.coversAllBuckets(new int[] {50_000, 50_001})).isTrue();
        assertThat(SplitWeights.coversAllBuckets(new int[] {50_000, 49_998})).isFalse();
        assertThat(SplitWeights.coversAllBuckets(new int[] {50_000, 50_002})).isFalse();
        assertThat(SplitWeights.coversAllBuckets(new int[] {0, 0})).isFalse();
    }
}
