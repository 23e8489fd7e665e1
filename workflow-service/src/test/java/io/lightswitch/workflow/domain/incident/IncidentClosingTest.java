package io.lightswitch.workflow.domain.incident;

import static io.lightswitch.workflow.domain.Samples.degradedVerdict;
import static io.lightswitch.workflow.domain.Samples.flagChanged;
import static io.lightswitch.workflow.domain.Samples.withMetric;
import static io.lightswitch.workflow.domain.Samples.withSlice;
import static io.lightswitch.workflow.domain.Samples.withStatus;
import static io.lightswitch.workflow.domain.Samples.withTimes;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import org.junit.jupiter.api.Test;

class IncidentClosingTest {

    private static FlagChanged by(Actor actor, String environment) {
        FlagChanged golden = flagChanged();
        return new FlagChanged(golden.project(), environment, golden.flagKey(), 5, "disabled", actor,
                "rule fired", golden.after(), golden.after());
    }

    private static ImpactVerdict later(ImpactVerdict verdict, String status) {
        ImpactVerdict moved = withTimes(verdict, verdict.assessedAt().plusSeconds(300),
                verdict.assessedAt().plusSeconds(300));
        return withStatus(moved, status);
    }

    @Test
    void flagServiceConfirmationByTheRuleClosesTheIncident() {
        IncidentSubject subject = IncidentSubject.of(degradedVerdict());

        assertThat(IncidentClosing.confirmedBy("rule-1", subject,
                by(new Actor(Actor.RULE, "rule-1", "guard"), "production"))).isTrue();
    }

    @Test
    void changesByPeopleOtherRulesOrInOtherEnvironmentsDoNotConfirm() {
        IncidentSubject subject = IncidentSubject.of(degradedVerdict());

        assertThat(IncidentClosing.confirmedBy("rule-1", subject, flagChanged())).isFalse();
        assertThat(IncidentClosing.confirmedBy("rule-1", subject,
                by(new Actor(Actor.RULE, "rule-2", "other"), "production"))).isFalse();
        assertThat(IncidentClosing.confirmedBy("rule-1", subject,
                by(new Actor(Actor.RULE, "rule-1", "guard"), "staging"))).isFalse();
    }

    @Test
    void healthyOrImprovedVerdictOnTheSameSubjectIsARecovery() {
        ImpactVerdict opening = degradedVerdict();

        assertThat(IncidentClosing.recoveredBy(opening, later(opening, ImpactVerdict.HEALTHY))).isTrue();
        assertThat(IncidentClosing.recoveredBy(opening, later(opening, ImpactVerdict.IMPROVED))).isTrue();
    }

    @Test
    void insufficientDataIsNotARecovery() {
        ImpactVerdict opening = degradedVerdict();

        assertThat(IncidentClosing.recoveredBy(opening, later(opening, ImpactVerdict.INSUFFICIENT_DATA))).isFalse();
    }

    /** Analytics localises a degradation to a slice but publishes the recovery for all traffic. */
    @Test
    void aHealthyAllTrafficVerdictRecoversAnIncidentOpenedOnASlice() {
        ImpactVerdict opening = degradedVerdict();

        assertThat(opening.service()).isEqualTo("checkout-service");
        assertThat(IncidentClosing.recoveredBy(opening,
                withSlice(later(opening, ImpactVerdict.HEALTHY), null, null))).isTrue();
    }

    @Test
    void aHealthyVerdictOnAnotherVariantOrMetricIsNotARecovery() {
        ImpactVerdict opening = degradedVerdict();
        ImpactVerdict healthy = later(opening, ImpactVerdict.HEALTHY);

        assertThat(IncidentClosing.recoveredBy(opening, withMetric(healthy, "latency"))).isFalse();
        assertThat(IncidentClosing.recoveredBy(opening, new ImpactVerdict(healthy.project(), healthy.environment(),
                healthy.flagKey(), "blue", null, null, healthy.metric(), healthy.status(), healthy.previousStatus(),
                healthy.reason(), healthy.evidence(), healthy.assessedAt(), healthy.since(), healthy.sentence())))
                .isFalse();
    }

    @Test
    void anOlderHealthyVerdictArrivingLateIsNotARecovery() {
        ImpactVerdict opening = degradedVerdict();
        ImpactVerdict before = withStatus(withTimes(opening, opening.assessedAt().minusSeconds(60),
                opening.assessedAt().minusSeconds(600)), ImpactVerdict.HEALTHY);

        assertThat(IncidentClosing.recoveredBy(opening, before)).isFalse();
    }
}
