package io.lightswitch.workflow.domain.rule;

/** What a rule reacts to: analytics' verdicts on a metric, or every change of a flag in scope. */
public enum Trigger {
    VERDICT,
    FLAG_CHANGE
}
