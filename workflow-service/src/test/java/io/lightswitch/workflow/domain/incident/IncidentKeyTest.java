package io.lightswitch.workflow.domain.incident;

import static io.lightswitch.workflow.domain.Samples.degradedVerdict;
import static io.lightswitch.workflow.domain.Samples.withMetric;
import static io.lightswitch.workflow.domain.Samples.withSlice;
import static io.lightswitch.workflow.domain.Samples.withTimes;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.GoldenSamples;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.domain.rule.Rule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentKeyTest {

    private final Rule guard = DefaultGuardRule.forEnvironment("shop", "production");

    @Test
    void redeliveredVerdictMapsToTheSameIncident() {
        ImpactVerdict first = MessageCodec.payload(MessageCodec.decode(GoldenSamples.bytes("ImpactAssessed")),
                ImpactVerdict.class);
        ImpactVerdict redelivered = MessageCodec.payload(MessageCodec.decode(GoldenSamples.bytes("ImpactAssessed")),
                ImpactVerdict.class);

        assertThat(IncidentKey.forVerdict(guard, redelivered)).isEqualTo(IncidentKey.forVerdict(guard, first));
    }

    @Test
    void impactAssessedAndAnomalyDetectedOfOneTurnAreOneIncident() {
        ImpactVerdict anomaly = MessageCodec.payload(GoldenSamples.envelope("AnomalyDetected"), ImpactVerdict.class);

        assertThat(IncidentKey.forVerdict(guard, anomaly)).isEqualTo(IncidentKey.forVerdict(guard, degradedVerdict()));
    }

    @Test
    void laterAssessmentsOfTheSameDegradationKeepTheIncident() {
        ImpactVerdict golden = degradedVerdict();
        ImpactVerdict tenMinutesLater = withTimes(golden, golden.assessedAt().plusSeconds(600), golden.since());

        assertThat(IncidentKey.forVerdict(guard, tenMinutesLater)).isEqualTo(IncidentKey.forVerdict(guard, golden));
    }

    @Test
    void anotherSliceOfTheSameFlagVariantAndMetricIsTheSameIncident() {
        ImpactVerdict allTraffic = withSlice(degradedVerdict(), null, null);

        assertThat(IncidentKey.forVerdict(guard, allTraffic))
                .isEqualTo(IncidentKey.forVerdict(guard, degradedVerdict()));
    }

    @Test
    void aNewDegradationOrAnotherRuleOrMetricIsANewIncident() {
        ImpactVerdict golden = degradedVerdict();
        UUID key = IncidentKey.forVerdict(guard, golden);
        Instant later = golden.since().plusSeconds(3600);

        assertThat(IncidentKey.forVerdict(guard, withTimes(golden, later, later))).isNotEqualTo(key);
        assertThat(IncidentKey.forVerdict(DefaultGuardRule.forEnvironment("shop", "staging"), golden))
                .isNotEqualTo(key);
        assertThat(IncidentKey.forVerdict(guard, withMetric(golden, "js_error_rate"))).isNotEqualTo(key);
    }

    @Test
    void fieldBoundariesCannotCollide() {
        IncidentSubject a = new IncidentSubject("shop", "prod", "dark-mode", "on", "error_rate");
        IncidentSubject b = new IncidentSubject("shop", "pro", "ddark-mode", "on", "error_rate");
        Instant window = Instant.parse("2026-11-26T09:41:10Z");

        assertThat(IncidentKey.of("r", a, window)).isNotEqualTo(IncidentKey.of("r", b, window));
    }

    @Test
    void flagChangeDeliveriesAreKeyedOnTheEnvelope() {
        UUID envelope = UUID.fromString("5a0a3f0e-3c1e-4a59-9d55-0f0c8f6b2a11");

        assertThat(IncidentKey.forFlagChange("c", envelope)).isEqualTo(IncidentKey.forFlagChange("c", envelope))
                .isNotEqualTo(IncidentKey.forFlagChange("d", envelope));
    }
}
