package io.lightswitch.flag.domain.evaluation;

/** Why an evaluation failed; the names follow OpenFeature's error codes. */
public enum ErrorCode {
    FLAG_NOT_FOUND,
    PARSE_ERROR,
    TYPE_MISMATCH,
    TARGETING_KEY_MISSING,
    INVALID_CONTEXT,
    GENERAL
}
