package io.lightswitch.workflow.domain.matching;

import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.analytics.VerdictEvidence;
import io.lightswitch.workflow.domain.rule.Condition;
import io.lightswitch.workflow.domain.rule.IncreaseUnit;
import io.lightswitch.workflow.domain.rule.Metric;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Trigger;
import java.util.Collection;
import java.util.Objects;

/**
 * Whether a verdict rule's condition holds for an {@link ImpactVerdict}.
 *
 * <p>Every condition needs: the rule enabled, the verdict in scope (project, environment, flag key or tag),
 * the rule's metric, a status other than {@code insufficient_data}, and at least {@code minSamples} units in
 * the treatment.
 *
 * <p>{@link Condition.AbsoluteThreshold}: the treatment's value is strictly above the threshold, whatever
 * the status (a rate as a fraction, the geometric mean in ms for timings, unitless for CLS).
 *
 * <p>{@link Condition.Increase}: status {@code degraded}, the evidence's comparison is the condition's
 * ({@code cohorts} over control, {@code before_after} over baseline), the verdict's confidence is at least the
 * rule's, and the lower end of its confidence sequence clears the amount, so the increase is at least the
 * amount at that confidence:
 * <ul>
 *   <li>POINTS (rates, {@code difference_in_points}): {@code intervalLower > amount / 100}; 2 points holds when
 *       intervalLower &gt; 0.02.</li>
 *   <li>PERCENT on timings and scores ({@code relative_change}): {@code intervalLower > amount / 100}; 30%
 *       holds when the geometric mean is at least 1.3 times control's.</li>
 *   <li>PERCENT on rates: {@code intervalLower / control.value > amount / 100}, treating the control rate as
 *       known (the control cohort is usually the larger one); from a zero control rate any established
 *       increase is an unbounded relative one and holds.</li>
 * </ul>
 * Analytics publishes verdicts at its own confidence (0.99 by default): a rule asking for more never fires.
 */
public final class RuleMatcher {

    private static final String SCALE_POINTS = "difference_in_points";
    private static final String SCALE_RELATIVE = "relative_change";

    private RuleMatcher() {
    }

    /** @param flagTags the tags of the verdict's flag, for tag-scoped rules */
    public static Outcome evaluate(Rule rule, ImpactVerdict verdict, Collection<String> flagTags) {
        if (!rule.enabled()) {
            return Outcome.RULE_DISABLED;
        }
        if (rule.trigger() != Trigger.VERDICT) {
            return Outcome.OTHER_TRIGGER;
        }
        if (rule.scope() == null || verdict.environment() == null || !rule.scope()
                .covers(verdict.project(), verdict.environment(), verdict.flagKey(), flagTags)) {
            return Outcome.OUT_OF_SCOPE;
        }
        boolean sameMetric = Metric.fromKey(rule.metric()).flatMap(Metric::verdictMetric)
                .filter(m -> m.equals(verdict.metric())).isPresent();
        if (!sameMetric) {
            return Outcome.OTHER_METRIC;
        }
        if (ImpactVerdict.INSUFFICIENT_DATA.equals(verdict.status())) {
            return Outcome.INSUFFICIENT_DATA;
        }
        VerdictEvidence evidence = verdict.evidence();
        if (evidence == null || evidence.treatment() == null) {
            return Outcome.NO_EVIDENCE;
        }
        if (evidence.treatment().samples() < rule.minSamples()) {
            return Outcome.TOO_FEW_SAMPLES;
        }
        if (rule.condition() instanceof Condition.AbsoluteThreshold threshold) {
            Double value = evidence.treatment().value();
            if (value == null) {
                return Outcome.NO_EVIDENCE;
            }
            return value > threshold.value() ? Outcome.HOLDS : Outcome.BELOW_THRESHOLD;
        }
        if (rule.condition() instanceof Condition.Increase increase) {
            return increaseOutcome(increase, verdict, evidence);
        }
        return Outcome.NO_EVIDENCE;
    }

    public static boolean holds(Rule rule, ImpactVerdict verdict, Collection<String> flagTags) {
        return evaluate(rule, verdict, flagTags).holds();
    }

    private static Outcome increaseOutcome(Condition.Increase increase, ImpactVerdict verdict,
                                           VerdictEvidence evidence) {
        if (!ImpactVerdict.DEGRADED.equals(verdict.status())) {
            return Outcome.NOT_DEGRADED;
        }
        if (!Objects.equals(increase.comparison(), evidence.comparison())) {
            return Outcome.OTHER_COMPARISON;
        }
        if (evidence.confidence() < increase.confidence()) {
            return Outcome.CONFIDENCE_TOO_LOW;
        }
        Double lower = evidence.intervalLower();
        if (lower == null) {
            return Outcome.NO_EVIDENCE;
        }
        double required = increase.amount() / 100;
        if (increase.unit() == IncreaseUnit.POINTS) {
            if (!SCALE_POINTS.equals(evidence.scale())) {
                return Outcome.UNIT_NOT_APPLICABLE;
            }
            return lower > required ? Outcome.HOLDS : Outcome.BELOW_AMOUNT;
        }
        if (SCALE_RELATIVE.equals(evidence.scale())) {
            return lower > required ? Outcome.HOLDS : Outcome.BELOW_AMOUNT;
        }
        if (SCALE_POINTS.equals(evidence.scale())) {
            Double controlRate = evidence.control() == null ? null : evidence.control().value();
            if (controlRate == null) {
                return Outcome.NO_EVIDENCE;
            }
            if (controlRate == 0) {
                return lower > 0 ? Outcome.HOLDS : Outcome.BELOW_AMOUNT;
            }
            return lower / controlRate > required ? Outcome.HOLDS : Outcome.BELOW_AMOUNT;
        }
        return Outcome.UNIT_NOT_APPLICABLE;
    }
}
