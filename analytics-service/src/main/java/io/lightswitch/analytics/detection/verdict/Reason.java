package io.lightswitch.analytics.detection.verdict;

/** Why a verdict is what it is; HEALTHY in particular says whether anything was shown or merely nothing was found. */
public enum Reason {
    /** The interval excludes zero and the effect passes the practical threshold (DEGRADED, IMPROVED). */
    SIGNIFICANT_CHANGE,
    /** Significant, but smaller than the configured practical threshold (HEALTHY). */
    BELOW_PRACTICAL_THRESHOLD,
    /** The interval lies inside the configured equivalence margin (HEALTHY). */
    WITHIN_MARGIN,
    /** The interval still covers zero: no change was shown, which is not proof of none (HEALTHY). */
    NO_SIGNIFICANT_CHANGE,
    /** No control cohort, an empty one, or no baseline for a full toggle (INSUFFICIENT_DATA). */
    MISSING_CONTROL,
    /** The treatment cohort (or the period after the toggle) has no units yet (INSUFFICIENT_DATA). */
    NO_DATA,
    /** A cohort has fewer units than the minimum (INSUFFICIENT_DATA). */
    TOO_FEW_SAMPLES,
    /** Too few events (errors, conversions) across both cohorts to compare rates (INSUFFICIENT_DATA). */
    TOO_FEW_EVENTS
}
