package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BaselineLearnerTest {

    private final BaselineLearner learner = new BaselineLearner(DetectionConfig.defaults());

    @Test
    void usesTheSameClockWindowOnPastDaysWhenEnoughDaysHaveData() {
        List<CountSample> days = List.of(new CountSample(6_000, 54), new CountSample(6_000, 66),
                new CountSample(0, 0), new CountSample(6_000, 60));

        Baseline baseline = learner.learn(Metric.errorRate(), days, new CountSample(6_000, 30)).orElseThrow();

        assertThat(baseline.basis()).isEqualTo(Baseline.Basis.TIME_OF_DAY);
        assertThat(baseline.days()).isEqualTo(3);
        assertThat(baseline.mean()).isCloseTo(0.01, within(1e-12));
        assertThat(baseline.spread()).isCloseTo(0.001 * Math.sqrt(4.0 / 3), within(1e-12));
        assertThat(baseline.degreesOfFreedom()).isEqualTo(2);
        assertThat(baseline.samples()).isEqualTo(18_000);
        assertThat(baseline.events()).isEqualTo(180);
    }

    @Test
    void fallsBackToTheWindowBeforeTheChangeWithTooFewDays() {
        Baseline baseline = learner.learn(Metric.errorRate(), List.of(new CountSample(6_000, 60)),
                new CountSample(36_000, 360)).orElseThrow();

        assertThat(baseline.basis()).isEqualTo(Baseline.Basis.PRECEDING_WINDOW);
        assertThat(baseline.mean()).isCloseTo(0.01, within(1e-12));
        assertThat(baseline.degreesOfFreedom()).isInfinite();
    }

    @Test
    void hasNoBaselineWithoutAnyHistory() {
        assertThat(learner.learn(Metric.errorRate(), List.of(), null)).isEmpty();
        assertThat(learner.learn(Metric.errorRate(), List.of(), CountSample.EMPTY)).isEmpty();
    }
}
