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
    void staysQuietWhileAStatusHoldsWithoutNewEvidence() {
        Verdict healthy = assess(new CountSample(1_000, 10), null);
        Verdict stillHealthy = assess(new CountSample(1_100, 11), healthy);
        Verdict degraded = assess(new CountSample(1_000, 80), null);
        Verdict sameData = assess(new CountSample(1_000, 80), degraded);

        assertThat(PublicationPolicy.routingKeys(healthy, stillHealthy)).isEmpty();
        assertThat(PublicationPolicy.routingKeys(degraded, sameData)).isEmpty();
    }

    @Test
    void keepsPublishingADegradedVerdictWhoseEvidenceGrows() {
        Verdict degraded = assess(new CountSample(1_000, 80), null);
        Verdict stronger = assess(new CountSample(2_000, 160), degraded);

        // Rules with a bar above "degraded" (2 points over control at 99%) must see the stronger evidence;
        // the anomaly itself was announced once, when the status turned.
        assertThat(PublicationPolicy.routingKeys(degraded, stronger)).containsExactly("impact.assessed");
    }

    private Verdict assess(CountSample treatment, Verdict previous) {
        return detector.assess(new CohortContrast(Subject.of("dark-mode", "on"), Metric.errorRate(), treatment,
                new CountSample(9_000, 90)), AT, previous);
    }
}
