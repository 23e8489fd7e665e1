package io.lightswitch.flag.domain.evaluation;

import java.util.regex.Pattern;

/** matches: one of the patterns is found somewhere in the attribute's text form. */
final class RegexCondition extends CompiledCondition {

    private final Pattern[] patterns;

    RegexCondition(String attribute, boolean negate, Pattern[] patterns) {
        super(attribute, negate);
        this.patterns = patterns;
    }

    @Override
    boolean matchesValue(Object value) {
        String text = TextForm.of(value);
        if (text == null) {
            return false;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
