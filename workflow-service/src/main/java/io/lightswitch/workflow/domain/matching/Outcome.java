package io.lightswitch.workflow.domain.matching;

/** Why a rule did or did not fire on a message; recorded for dry runs and shown when a rule stays quiet. */
public enum Outcome {
    HOLDS,
    RULE_DISABLED,
    OTHER_TRIGGER,
    OUT_OF_SCOPE,
    OTHER_METRIC,
    INSUFFICIENT_DATA,
    NOT_DEGRADED,
    OTHER_COMPARISON,
    CONFIDENCE_TOO_LOW,
    TOO_FEW_SAMPLES,
    NO_EVIDENCE,
    UNIT_NOT_APPLICABLE,
    BELOW_AMOUNT,
    BELOW_THRESHOLD;

    public boolean holds() {
        return this == HOLDS;
    }
}
