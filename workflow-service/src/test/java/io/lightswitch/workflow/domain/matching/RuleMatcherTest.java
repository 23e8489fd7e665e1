package io.lightswitch.workflow.domain.matching;

import static io.lightswitch.workflow.domain.Samples.degradedVerdict;
import static io.lightswitch.workflow.domain.Samples.evidence;
import static io.lightswitch.workflow.domain.Samples.verdictRule;
import static io.lightswitch.workflow.domain.Samples.withEvidence;
import static io.lightswitch.workflow.domain.Samples.withMetric;
import static io.lightswitch.workflow.domain.Samples.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.workflow.domain.rule.Condition;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.IncreaseUnit;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import io.lightswitch.workflow.domain.rule.Trigger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {

    private static final Set<String> NO_TAGS = Set.of();

    private static Condition overControl(double amount, IncreaseUnit unit) {
        return new Condition.IncreaseOverControl(amount, unit, 0.99);
    }

    private static Rule withScope(Rule rule, Scope scope) {
        return new Rule(rule.id(), rule.name(), scope, rule.trigger(), rule.metric(), rule.condition(),
                rule.minSamples(), rule.cooldown(), rule.enabled(), rule.dryRun(), rule.actions());
    }

    @Test
    void defaultGuardFiresOnTheGoldenDegradedVerdict() {
        Rule guard = DefaultGuardRule.forEnvironment("shop", "production");

        assertThat(RuleMatcher.evaluate(guard, degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.HOLDS);
    }

    @Test
    void pointsHoldOnlyWhenTheIntervalLowerBoundClearsTheAmount() {
        ImpactVerdict lowerAtThreePointTwo = degradedVerdict();

        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", overControl(3, IncreaseUnit.POINTS)),
                lowerAtThreePointTwo, NO_TAGS)).isEqualTo(Outcome.HOLDS);
        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", overControl(4, IncreaseUnit.POINTS)),
                lowerAtThreePointTwo, NO_TAGS)).isEqualTo(Outcome.BELOW_AMOUNT);
    }

    @Test
    void lowerBoundExactlyAtTheAmountIsNotAnIncreaseBeyondIt() {
        ImpactVerdict lowerAtTwoPoints = withEvidence(degradedVerdict(),
                evidence("cohorts", "difference_in_points", 600, 0.06, 0.01, 0.02, 0.99));

        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", overControl(2, IncreaseUnit.POINTS)),
                lowerAtTwoPoints, NO_TAGS)).isEqualTo(Outcome.BELOW_AMOUNT);
    }

    @Test
    void percentOnARateIsTheLowerBoundOverTheControlRate() {
        // lower bound 3.2 points over a 1.0% control rate: at least +320%
        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", overControl(300, IncreaseUnit.PERCENT)),
                degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.HOLDS);
        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", overControl(400, IncreaseUnit.PERCENT)),
                degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.BELOW_AMOUNT);
    }

    @Test
    void percentOnARateHoldsForAnyEstablishedIncreaseFromZero() {
        ImpactVerdict fromZero = withEvidence(degradedVerdict(),
                evidence("cohorts", "difference_in_points", 600, 0.01, 0.0, 0.004, 0.99));

        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", overControl(1000, IncreaseUnit.PERCENT)),
                fromZero, NO_TAGS)).isEqualTo(Outcome.HOLDS);
    }

    @Test
    void percentOnLatencyReadsTheRelativeChangeOfTheGeometricMean() {
        ImpactVerdict slower = withEvidence(withMetric(degradedVerdict(), "latency"),
                evidence("cohorts", "relative_change", 600, 180.0, 130.0, 0.35, 0.99));

        assertThat(RuleMatcher.evaluate(verdictRule("r", "latency", overControl(30, IncreaseUnit.PERCENT)), slower,
                NO_TAGS)).isEqualTo(Outcome.HOLDS);
        assertThat(RuleMatcher.evaluate(verdictRule("r", "latency", overControl(40, IncreaseUnit.PERCENT)), slower,
                NO_TAGS)).isEqualTo(Outcome.BELOW_AMOUNT);
    }

    @Test
    void latencyP50RulesWatchAnalyticsLatencyVerdicts() {
        ImpactVerdict slower = withEvidence(withMetric(degradedVerdict(), "latency"),
                evidence("cohorts", "relative_change", 600, 180.0, 130.0, 0.35, 0.99));

        assertThat(RuleMatcher.holds(verdictRule("r", "latency_p50", overControl(10, IncreaseUnit.PERCENT)), slower,
                NO_TAGS)).isTrue();
    }

    @Test
    void pointsDoNotApplyToARelativeChange() {
        ImpactVerdict slower = withEvidence(withMetric(degradedVerdict(), "latency"),
                evidence("cohorts", "relative_change", 600, 180.0, 130.0, 0.35, 0.99));

        assertThat(RuleMatcher.evaluate(verdictRule("r", "latency", overControl(2, IncreaseUnit.POINTS)), slower,
                NO_TAGS)).isEqualTo(Outcome.UNIT_NOT_APPLICABLE);
    }

    @Test
    void insufficientDataNeverFiresEvenAnAbsoluteThreshold() {
        ImpactVerdict insufficient = withStatus(degradedVerdict(), ImpactVerdict.INSUFFICIENT_DATA);

        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", new Condition.AbsoluteThreshold(0.01)),
                insufficient, NO_TAGS)).isEqualTo(Outcome.INSUFFICIENT_DATA);
        assertThat(RuleMatcher.evaluate(DefaultGuardRule.forEnvironment("shop", "production"), insufficient,
                NO_TAGS)).isEqualTo(Outcome.INSUFFICIENT_DATA);
    }

    @Test
    void increaseNeedsADegradedVerdict() {
        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", overControl(2, IncreaseUnit.POINTS)),
                withStatus(degradedVerdict(), ImpactVerdict.HEALTHY), NO_TAGS)).isEqualTo(Outcome.NOT_DEGRADED);
    }

    @Test
    void absoluteThresholdFiresOnTheTreatmentValueWhateverTheStatus() {
        ImpactVerdict healthyButHigh = withStatus(degradedVerdict(), ImpactVerdict.HEALTHY);

        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", new Condition.AbsoluteThreshold(0.05)),
                healthyButHigh, NO_TAGS)).isEqualTo(Outcome.HOLDS);
        assertThat(RuleMatcher.evaluate(verdictRule("r", "error_rate", new Condition.AbsoluteThreshold(0.061)),
                healthyButHigh, NO_TAGS)).isEqualTo(Outcome.BELOW_THRESHOLD);
    }

    @Test
    void verdictAtLowerConfidenceThanTheRuleAsksForDoesNotFire() {
        Rule strict = verdictRule("r", "error_rate", new Condition.IncreaseOverControl(2, IncreaseUnit.POINTS, 0.999));

        assertThat(RuleMatcher.evaluate(strict, degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.CONFIDENCE_TOO_LOW);
    }

    @Test
    void treatmentBelowMinimumSamplesDoesNotFire() {
        ImpactVerdict few = withEvidence(degradedVerdict(),
                evidence("cohorts", "difference_in_points", 99, 0.061, 0.01, 0.032, 0.99));

        assertThat(RuleMatcher.evaluate(DefaultGuardRule.forEnvironment("shop", "production"), few, NO_TAGS))
                .isEqualTo(Outcome.TOO_FEW_SAMPLES);
    }

    @Test
    void increaseOverBaselineReadsOnlyBeforeAfterEvidence() {
        Rule overBaseline = verdictRule("r", "error_rate",
                new Condition.IncreaseOverBaseline(2, IncreaseUnit.POINTS, 0.99));
        ImpactVerdict fullToggle = withEvidence(degradedVerdict(),
                evidence("before_after", "difference_in_points", 6000, 0.061, 0.01, 0.03, 0.99));

        assertThat(RuleMatcher.evaluate(overBaseline, degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.OTHER_COMPARISON);
        assertThat(RuleMatcher.evaluate(overBaseline, fullToggle, NO_TAGS)).isEqualTo(Outcome.HOLDS);
    }

    @Test
    void ruleOnAnotherMetricDoesNotFire() {
        assertThat(RuleMatcher.evaluate(verdictRule("r", "js_error_rate", overControl(2, IncreaseUnit.POINTS)),
                degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.OTHER_METRIC);
    }

    @Test
    void scopeMatchesEnvironmentFlagKeyAndTag() {
        Rule base = verdictRule("r", "error_rate", overControl(2, IncreaseUnit.POINTS));

        assertThat(RuleMatcher.evaluate(withScope(base, new Scope("shop", "staging", FlagSelector.all())),
                degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(RuleMatcher.evaluate(withScope(base, new Scope("other", "production", FlagSelector.all())),
                degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(RuleMatcher.holds(withScope(base, new Scope("shop", "production", FlagSelector.key("dark-mode"))),
                degradedVerdict(), NO_TAGS)).isTrue();
        assertThat(RuleMatcher.holds(withScope(base, new Scope("shop", "production", FlagSelector.key("other"))),
                degradedVerdict(), NO_TAGS)).isFalse();
        Rule byTag = withScope(base, new Scope("shop", "production", FlagSelector.tag("ui")));
        assertThat(RuleMatcher.holds(byTag, degradedVerdict(), Set.of("ui", "web"))).isTrue();
        assertThat(RuleMatcher.evaluate(byTag, degradedVerdict(), Set.of("backend"))).isEqualTo(Outcome.OUT_OF_SCOPE);
    }

    @Test
    void disabledRuleNeverFires() {
        Rule guard = DefaultGuardRule.forEnvironment("shop", "production");
        Rule off = new Rule(guard.id(), guard.name(), guard.scope(), guard.trigger(), guard.metric(),
                guard.condition(), guard.minSamples(), guard.cooldown(), false, false, guard.actions());

        assertThat(RuleMatcher.evaluate(off, degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.RULE_DISABLED);
    }

    @Test
    void flagChangeRulesIgnoreVerdicts() {
        Rule guard = DefaultGuardRule.forEnvironment("shop", "production");
        Rule onChange = new Rule(guard.id(), guard.name(), guard.scope(), Trigger.FLAG_CHANGE, null, null, 0,
                guard.cooldown(), true, false, List.of());

        assertThat(RuleMatcher.evaluate(onChange, degradedVerdict(), NO_TAGS)).isEqualTo(Outcome.OTHER_TRIGGER);
    }
}
