package io.lightswitch.flag.domain.evaluation;

import java.util.List;
import java.util.RandomAccess;

/**
 * A condition ready to test contexts. This class reads the attribute and applies the rules shared by
 * every operator: a missing (null) attribute never matches, a list attribute matches when any element
 * does, and negation inverts the outcome. Subclasses only test one non-null attribute value.
 */
abstract class CompiledCondition {

    static final String TARGETING_KEY_ATTRIBUTE = "targetingKey";

    private final String attribute;
    private final boolean readsTargetingKey;
    private final boolean negate;

    CompiledCondition(String attribute, boolean negate) {
        this.attribute = attribute;
        this.readsTargetingKey = TARGETING_KEY_ATTRIBUTE.equals(attribute);
        this.negate = negate;
    }

    final boolean matches(EvaluationContext context) {
        Object value = readsTargetingKey ? context.targetingKey() : context.attributes().get(attribute);
        return negate != (value != null && matchesValueOrElement(value));
    }

    private boolean matchesValueOrElement(Object value) {
        if (!(value instanceof List<?> elements)) {
            return matchesValue(value);
        }
        if (elements instanceof RandomAccess) {
            for (int i = 0, size = elements.size(); i < size; i++) {
                if (matchesElement(elements.get(i))) {
                    return true;
                }
            }
            return false;
        }
        for (Object element : elements) {
            if (matchesElement(element)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesElement(Object element) {
        return element != null && matchesValue(element);
    }

    /** Whether the operator holds between this non-null value and at least one configured value. */
    abstract boolean matchesValue(Object value);
}
