package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.verdict.Evidence;
import io.lightswitch.analytics.detection.verdict.Reason;
import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ToggleDetectorTest {

    private static final Instant AT = Instant.parse("2025-03-04T20:01:00Z");
    private static final Subject NEW_CHECKOUT = Subject.of("new-checkout", "on");

    private final DetectionConfig config = DetectionConfig.defaults();
    private final BaselineLearner learner = new BaselineLearner(config);
    private final ToggleDetector detector = new ToggleDetector(config);

    @Test
    void withoutAnyHistoryThereIsNoVerdict() {
        Verdict verdict = detector.assess(new ToggleContrast(NEW_CHECKOUT, Metric.errorRate(), null,
                new CountSample(6_000, 360)), AT);

        assertThat(verdict.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(verdict.reason()).isEqualTo(Reason.MISSING_CONTROL);
        assertThat(verdict.sentence()).endsWith("no baseline: no history and no traffic before the change");
    }

    @Test
    void regressionAfterAToggleIsDegradedAgainstTheBaseline() {
        Baseline baseline = learner.learn(Metric.errorRate(), List.of(new CountSample(6_000, 54),
                new CountSample(6_000, 66), new CountSample(6_000, 60)), null).orElseThrow();

        Verdict verdict = detector.assess(new ToggleContrast(NEW_CHECKOUT, Metric.errorRate(), baseline,
                new CountSample(6_000, 360)), AT);

        assertThat(verdict.status()).isEqualTo(Status.DEGRADED);
        assertThat(verdict.evidence().comparison()).isEqualTo(Evidence.Comparison.BEFORE_AFTER);
        assertThat(verdict.evidence().effect()).isBetween(0.0499, 0.0501);
        assertThat(verdict.sentence()).startsWith("errors up after new-checkout=on: 6.0% vs baseline 1.0%");
    }

    @Test
    void timeOfDayBaselineKeepsAnEveningPeakFromLookingLikeARegression() {
        // Errors double every evening; the hour before 20:00 is quiet, the same window on past days is not.
        List<CountSample> sameWindowOnPastDays = List.of(new CountSample(6_000, 118), new CountSample(6_000, 124),
                new CountSample(6_000, 121));
        CountSample hourBefore = new CountSample(36_000, 360);
        CountSample after = new CountSample(6_000, 122);

        Verdict timeOfDay = detector.assess(new ToggleContrast(NEW_CHECKOUT, Metric.errorRate(),
                learner.learn(Metric.errorRate(), sameWindowOnPastDays, hourBefore).orElseThrow(), after), AT);
        Verdict precedingOnly = detector.assess(new ToggleContrast(NEW_CHECKOUT, Metric.errorRate(),
                learner.learn(Metric.errorRate(), List.of(), hourBefore).orElseThrow(), after), AT);

        assertThat(timeOfDay.status()).isEqualTo(Status.HEALTHY);
        assertThat(precedingOnly.status()).isEqualTo(Status.DEGRADED);
    }
}
