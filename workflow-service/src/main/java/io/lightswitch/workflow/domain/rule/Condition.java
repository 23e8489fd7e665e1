package io.lightswitch.workflow.domain.rule;

/** When a verdict opens an incident; see {@code RuleMatcher} for the exact reading of each. */
public sealed interface Condition {

    /** The treatment's value is above {@code value}: a fraction for rates, ms for timings, unitless for CLS. */
    record AbsoluteThreshold(double value) implements Condition {
    }

    /** An increase the verdict's evidence establishes, whatever the comparison. */
    sealed interface Increase extends Condition {
        double amount();

        IncreaseUnit unit();

        /** The least coverage the verdict's confidence sequence must have, in (0.5, 1). */
        double confidence();

        /** The {@code VerdictEvidence.comparison} this condition reads. */
        String comparison();
    }

    /** Treatment against the rest of the flag's users (a partial rollout). */
    record IncreaseOverControl(double amount, IncreaseUnit unit, double confidence) implements Increase {
        @Override
        public String comparison() {
            return "cohorts";
        }
    }

    /** After a full toggle against the metric's baseline before it. */
    record IncreaseOverBaseline(double amount, IncreaseUnit unit, double confidence) implements Increase {
        @Override
        public String comparison() {
            return "before_after";
        }
    }
}
