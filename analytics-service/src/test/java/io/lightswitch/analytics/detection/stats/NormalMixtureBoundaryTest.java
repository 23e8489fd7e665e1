package io.lightswitch.analytics.detection.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalMixtureBoundaryTest {

    private final NormalMixtureBoundary boundary = new NormalMixtureBoundary(10_000);

    @Test
    void eValueReachesOneOverAlphaExactlyAtTheEdgeOfTheInterval() {
        double variance = 4e-5;
        double halfWidth = boundary.halfWidth(variance, 6_000, 0.01);

        assertThat(boundary.logEValue(halfWidth, variance, 6_000, 0.01)).isCloseTo(Math.log(100), within(1e-9));
        assertThat(boundary.logEValue(-halfWidth, variance, 6_000, 0.01)).isCloseTo(Math.log(100), within(1e-9));
        assertThat(boundary.logEValue(0.5 * halfWidth, variance, 6_000, 0.01)).isLessThan(Math.log(100));
    }

    @Test
    void boundaryInStandardErrorsIsLowestAtTheTargetSampleSize() {
        double atTarget = standardErrors(10_000);

        assertThat(standardErrors(1_000)).isGreaterThan(atTarget);
        assertThat(standardErrors(100_000)).isGreaterThan(atTarget);
        assertThat(standardErrors(9_000)).isCloseTo(atTarget, within(0.01));
    }

    @Test
    void isWiderThanAFixedSampleIntervalBecauseItHoldsAtEveryLook() {
        assertThat(standardErrors(10_000)).isGreaterThan(2.576);
    }

    @Test
    void intervalShrinksAsUnitsAccumulate() {
        double early = boundary.halfWidth(0.25 / 1_000, 1_000, 0.05);
        double late = boundary.halfWidth(0.25 / 100_000, 100_000, 0.05);

        assertThat(late).isLessThan(early / 5);
    }

    private double standardErrors(double samples) {
        double variance = 1 / samples;
        return boundary.halfWidth(variance, samples, 0.01) / Math.sqrt(variance);
    }
}
