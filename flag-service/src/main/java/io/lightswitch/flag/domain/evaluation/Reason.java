package io.lightswitch.flag.domain.evaluation;

/** Why an evaluation produced its value; the names follow OpenFeature's resolution reasons. */
public enum Reason {
    /** The flag has no rules and no overrides, so everyone gets the default variant. */
    STATIC,
    /** An override or a rule serving a fixed variant matched. */
    TARGETING_MATCH,
    /** The user was bucketed into a weighted split. */
    SPLIT,
    /** The flag is switched off and served its off variant. */
    DISABLED,
    /** The flag has rules or overrides but none applied, so the default was served. */
    DEFAULT,
    /** No value could be produced; see the result's error code. */
    ERROR
}
