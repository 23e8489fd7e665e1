package io.lightswitch.flag.domain.evaluation;

import java.time.Instant;

/** before / after: the attribute read as a point in time is before (after) one of the values. */
final class InstantCondition extends CompiledCondition {

    private final Comparison comparison;
    private final Instant[] values;

    InstantCondition(String attribute, boolean negate, Comparison comparison, Instant[] values) {
        super(attribute, negate);
        this.comparison = comparison;
        this.values = values;
    }

    @Override
    boolean matchesValue(Object value) {
        Instant instant = Instants.parse(value);
        if (instant == null) {
            return false;
        }
        for (Instant bound : values) {
            if (comparison.holds(instant.compareTo(bound))) {
                return true;
            }
        }
        return false;
    }
}
