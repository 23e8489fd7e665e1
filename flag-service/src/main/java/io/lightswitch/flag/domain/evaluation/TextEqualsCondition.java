package io.lightswitch.flag.domain.evaluation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** equals / in: the attribute's text form equals one value's text form. */
final class TextEqualsCondition extends CompiledCondition {

    /** Above this many values a hash lookup beats comparing each one. */
    private static final int MAX_VALUES_TO_SCAN = 8;

    private final String[] values;
    private final Set<String> valueSet;

    TextEqualsCondition(String attribute, boolean negate, String[] values) {
        super(attribute, negate);
        boolean many = values.length > MAX_VALUES_TO_SCAN;
        this.values = many ? null : values;
        this.valueSet = many ? new HashSet<>(Arrays.asList(values)) : null;
    }

    @Override
    boolean matchesValue(Object value) {
        String text = TextForm.of(value);
        if (text == null) {
            return false;
        }
        if (valueSet != null) {
            return valueSet.contains(text);
        }
        for (String candidate : values) {
            if (candidate.equals(text)) {
                return true;
            }
        }
        return false;
    }
}
