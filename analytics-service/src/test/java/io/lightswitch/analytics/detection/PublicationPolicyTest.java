package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationPolicyTest {

    private static final Instant AT = Instant.parse("2025-03-04T09:41:10Z");
    private final CohortDetector detector = new CohortDetector(DetectionConfig.defaults());

    @Test
    void publishesImpactOnEveryStatusChangeAndAnAnomalyWhenItTurnsDegraded() {
        Verdict healthy = assess(new CountSample(1_000, 10), null);
        Verdict degraded = assess(new CountSample(1_000, 80), healthy);

        assertThat(PublicationPolicy.routingKeys(null, healthy)).containsExactly("impact.assessed");
        assertThat(PublicationPolicy.routingKeys(healthy, degraded))
                .containsExactly("impact.assessed", "anomaly.detected");
    }

    @Test
    void staysQuietWhileTheStatusHolds() {
        Verdict degraded = assess(new CountSample(1_000, 80), null);
        Verdict stillDegraded = assess(new CountSample(1_100, 90), degraded);

        assertThat(PublicationPolicy.routingKeys(degraded, stillDegraded)).isEmpty();
    }

    private Verdict assess(CountSample treatment, Verdict previous) {
        return detector.assess(new CohortContrast(Subject.of("dark-mode", "on"), Metric.errorRate(), treatment,
                new CountSample(9_000, 90)), AT, previous);
    }
}
