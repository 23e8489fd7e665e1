package io.lightswitch.flag.domain.model;

import java.util.List;

/**
 * One test on the evaluation context. {@code attribute} names a context attribute; the reserved name
 * {@code targetingKey} means the context's targeting key. The condition holds when the operator holds
 * for at least one of {@code values}; {@code negate} inverts the result. A missing attribute never
 * matches (and so a negated condition on a missing attribute holds).
 */
public record Condition(String attribute, Operator operator, List<Object> values, boolean negate) {
    public Condition {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
