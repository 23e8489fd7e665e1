package io.lightswitch.analytics.detection.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class MetricSampleTest {

    @Test
    void bucketsAddUpToTheSameStatisticsAsOneSample() {
        LogNormalSample whole = LogNormalSample.of(100, 120, 150, 90);
        LogNormalSample summed = LogNormalSample.of(100, 120).plus(LogNormalSample.of(150, 90));

        assertThat(summed.n()).isEqualTo(4);
        assertThat(summed.sumLog()).isCloseTo(whole.sumLog(), within(1e-12));
        assertThat(summed.variance()).isCloseTo(whole.variance(), within(1e-12));
        assertThat(new CountSample(100, 2).plus(new CountSample(900, 9))).isEqualTo(new CountSample(1_000, 11));
    }

    @Test
    void geometricMeanIsTheMedianOfALogNormal() {
        assertThat(LogNormalSample.of(60, 120, 240).geometricMean()).isCloseTo(120, within(1e-9));
    }

    @Test
    void rejectsMoreEventsThanUnits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CountSample(10, 11));
        assertThatIllegalArgumentException().isThrownBy(() -> new CountSample(-1, 0));
    }

    @Test
    void rejectsNonPositiveMeasurements() {
        assertThatIllegalArgumentException().isThrownBy(() -> LogNormalSample.of(12, 0));
    }
}
