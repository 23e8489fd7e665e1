package io.lightswitch.workflow.domain.incident;

import static io.lightswitch.workflow.domain.Samples.degradedVerdict;
import static io.lightswitch.workflow.domain.Samples.flagChanged;
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
    void healthyOrImprovedVerdictOnTheSameSliceIsARecovery() {
        ImpactVerdict opening = degradedVerdict();

        assertThat(IncidentClosing.recoveredBy(opening, later(opening, ImpactVerdict.HEALTHY))).isTrue();
        assertThat(IncidentClosing.recoveredBy(opening, later(opening, ImpactVerdict.IMPROVED))).isTrue();
    }

    @Test
    void insufficientDataOrAnotherSliceIsNotARecovery() {
        ImpactVerdict opening = degradedVerdict();

        assertThat(IncidentClosing.recoveredBy(opening, later(opening, ImpactVerdict.INSUFFICIENT_DATA))).isFalse();
        assertThat(IncidentClosing.recoveredBy(opening,
                withSlice(later(opening, ImpactVerdict.HEALTHY), "search-service", null))).isFalse();
    }

    @Test
    void anOlderHealthyVerdictArrivingLateIsNotARecovery() {
        ImpactVerdict opening = degradedVerdict();
        ImpactVerdict before = withStatus(withTimes(opening, opening.assessedAt().minusSeconds(60),
                opening.assessedAt().minusSeconds(600)), ImpactVerdict.HEALTHY);

        assertThat(IncidentClosing.recoveredBy(opening, before)).isFalse();
    }
}
