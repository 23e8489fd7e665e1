package io.lightswitch.flag.domain.evaluation;

import org.semver4j.Semver;

/** semver_eq / gt / gte / lt / lte by semantic-version precedence; unparsable attributes never match. */
final class SemverCondition extends CompiledCondition {

    private final Comparison comparison;
    private final Semver[] values;

    SemverCondition(String attribute, boolean negate, Comparison comparison, Semver[] values) {
        super(attribute, negate);
        this.comparison = comparison;
        this.values = values;
    }

    @Override
    boolean matchesValue(Object value) {
        String text = Versions.text(value);
        if (text == null) {
            return false;
        }
        long plain = Versions.packPlain(text);
        if (plain != Versions.NOT_PLAIN) {
            for (Semver bound : values) {
                if (comparison.holds(Versions.compare(plain, bound))) {
                    return true;
                }
            }
            return false;
        }
        Semver parsed = Versions.parseLenient(text);
        if (parsed == null) {
            return false;
        }
        for (Semver bound : values) {
            if (comparison.holds(parsed.compareTo(bound))) {
                return true;
            }
        }
        return false;
    }
}
