package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.model.Operator;

/** The ordering an ordered operator (numeric, semver, date) asks for between attribute and value. */
enum Comparison {
    EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    LESS,
    LESS_OR_EQUAL;

    static Comparison of(Operator operator) {
        return switch (operator) {
            case SEMVER_EQ -> EQUAL;
            case GT, SEMVER_GT, AFTER -> GREATER;
            case GTE, SEMVER_GTE -> GREATER_OR_EQUAL;
            case LT, SEMVER_LT, BEFORE -> LESS;
            case LTE, SEMVER_LTE -> LESS_OR_EQUAL;
            default -> throw new IllegalArgumentException(operator + " is not an ordering operator");
        };
    }

    /** Whether an attribute-versus-value comparison result (negative, zero, positive) satisfies this. */
    boolean holds(int attributeComparedToValue) {
        return switch (this) {
            case EQUAL -> attributeComparedToValue == 0;
            case GREATER -> attributeComparedToValue > 0;
            case GREATER_OR_EQUAL -> attributeComparedToValue >= 0;
            case LESS -> attributeComparedToValue < 0;
            case LESS_OR_EQUAL -> attributeComparedToValue <= 0;
        };
    }
}
