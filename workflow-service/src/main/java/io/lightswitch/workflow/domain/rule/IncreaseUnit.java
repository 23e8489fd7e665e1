package io.lightswitch.workflow.domain.rule;

/** POINTS: percentage points of a rate (2 = 1.0% to 3.0%). PERCENT: relative to control or baseline. */
public enum IncreaseUnit {
    POINTS,
    PERCENT
}
