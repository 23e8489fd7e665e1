package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlagRankerTest {

    private static final Instant AT = Instant.parse("2025-03-04T09:41:10Z");

    private final CohortDetector detector = new CohortDetector(DetectionConfig.defaults());

    @Test
    void ranksFlagsByEvidenceOfHarmThenImprovementsThenMissingData() {
        Verdict strongHarm = errors("guilty", 1_000, 60);
        Verdict weakHarm = errors("slightly-worse", 1_000, 14);
        Verdict weakGain = errors("slightly-better", 1_000, 8);
        Verdict strongGain = errors("much-better", 10_000, 20);
        Verdict noData = detector.assess(new CohortContrast(Subject.of("no-control", "on"), Metric.errorRate(),
                new CountSample(1_000, 10), null), AT);

        List<Verdict> ranking = FlagRanker.rank(List.of(noData, strongGain, weakGain, weakHarm, strongHarm));

        assertThat(ranking).extracting(v -> v.subject().flagKey())
                .containsExactly("guilty", "slightly-worse", "slightly-better", "much-better", "no-control");
    }

    @Test
    void aFlagIsRankedByItsMostSuspiciousContrast() {
        Verdict calmErrors = errors("dark-mode", 1_000, 10);
        Verdict badSlice = detector.assess(new CohortContrast(
                new Subject("dark-mode", "on", new Slice("checkout-service", "POST /pay")), Metric.errorRate(),
                new CountSample(1_000, 70), new CountSample(9_000, 90)), AT);
        Verdict other = errors("other", 1_000, 25);

        List<Verdict> ranking = FlagRanker.rank(List.of(calmErrors, other, badSlice));

        assertThat(ranking).containsExactly(badSlice, other);
    }

    private Verdict errors(String flag, long treatment, long treatmentErrors) {
        return detector.assess(new CohortContrast(Subject.of(flag, "on"), Metric.errorRate(),
                new CountSample(treatment, treatmentErrors), new CountSample(9 * treatment, 9 * treatment / 100)), AT);
    }
}
