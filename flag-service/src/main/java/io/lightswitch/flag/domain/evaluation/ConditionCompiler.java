package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.FieldError;
import io.lightswitch.flag.domain.model.Condition;
import io.lightswitch.flag.domain.model.Match;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.semver4j.Semver;

/**
 * Compiles conditions, parsing every configured value once. Each problem is added to the error list
 * under its field path; when any was added the returned objects are incomplete and must be discarded.
 */
final class ConditionCompiler {

    private static final String TEXT_EXPECTED = "must be a string, number or boolean";
    private static final String NUMBER_EXPECTED = "must be a number";
    private static final String SEMVER_EXPECTED = "must be a semantic version such as 1.2.3";
    private static final String INSTANT_EXPECTED =
            "must be an ISO-8601 instant, a yyyy-MM-dd date or a number of epoch milliseconds";

    private ConditionCompiler() {
    }

    /** Compiles the conditions listed at {@code path}, e.g. "rules[2].conditions". */
    static ConditionGroup compileGroup(Match match, List<Condition> conditions, String path, List<FieldError> errors) {
        CompiledCondition[] compiled = new CompiledCondition[conditions.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compile(conditions.get(i), path + "[" + i + "]", errors);
        }
        return new ConditionGroup(match, compiled);
    }

    private static CompiledCondition compile(Condition condition, String path, List<FieldError> errors) {
        String attribute = condition.attribute();
        boolean negate = condition.negate();
        if (attribute == null || attribute.isBlank()) {
            errors.add(new FieldError(path + ".attribute", "is required"));
        }
        if (condition.operator() == null) {
            errors.add(new FieldError(path + ".operator", "is required"));
            return null;
        }
        if (condition.values().isEmpty()) {
            errors.add(new FieldError(path + ".values", "needs at least one value"));
            return null;
        }
        ValueParser parser = new ValueParser(condition.values(), path + ".values", errors);
        return switch (condition.operator()) {
            case EQUALS, IN -> new TextEqualsCondition(attribute, negate, parser.texts());
            case STARTS_WITH -> fragments(attribute, negate, TextFragmentCondition.Position.START, parser);
            case ENDS_WITH -> fragments(attribute, negate, TextFragmentCondition.Position.END, parser);
            case CONTAINS -> fragments(attribute, negate, TextFragmentCondition.Position.ANYWHERE, parser);
            case MATCHES -> new RegexCondition(attribute, negate, parser.patterns());
            case GT, GTE, LT, LTE ->
                    new NumberCondition(attribute, negate, Comparison.of(condition.operator()), parser.numbers());
            case SEMVER_EQ, SEMVER_GT, SEMVER_GTE, SEMVER_LT, SEMVER_LTE ->
                    new SemverCondition(attribute, negate, Comparison.of(condition.operator()), parser.versions());
            case BEFORE, AFTER ->
                    new InstantCondition(attribute, negate, Comparison.of(condition.operator()), parser.instants());
        };
    }

    private static CompiledCondition fragments(String attribute, boolean negate, TextFragmentCondition.Position position,
                                               ValueParser parser) {
        return new TextFragmentCondition(attribute, negate, position, parser.texts());
    }

    /** Parses one condition's values, reporting each unparsable one at "values[i]". */
    private record ValueParser(List<Object> values, String path, List<FieldError> errors) {

        String[] texts() {
            return parse(String[]::new, TextForm::of, TEXT_EXPECTED);
        }

        double[] numbers() {
            Double[] parsed = parse(Double[]::new, value -> {
                double number = Numbers.parse(value);
                return Double.isNaN(number) ? null : number;
            }, NUMBER_EXPECTED);
            double[] numbers = new double[parsed.length];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = parsed[i] == null ? Double.NaN : parsed[i];
            }
            return numbers;
        }

        Semver[] versions() {
            return parse(Semver[]::new, value -> {
                String text = Versions.text(value);
                return text == null ? null : Versions.parseLenient(text);
            }, SEMVER_EXPECTED);
        }

        Instant[] instants() {
            return parse(Instant[]::new, Instants::parse, INSTANT_EXPECTED);
        }

        Pattern[] patterns() {
            Pattern[] patterns = new Pattern[values.size()];
            for (int i = 0; i < patterns.length; i++) {
                if (!(values.get(i) instanceof String regex)) {
                    errors.add(new FieldError(valuePath(i), "must be a regular expression string"));
                    continue;
                }
                try {
                    patterns[i] = Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    errors.add(new FieldError(valuePath(i), "is not a valid regular expression: " + e.getDescription()));
                }
            }
            return patterns;
        }

        private <T> T[] parse(IntFunction<T[]> newArray, Function<Object, T> parser, String expected) {
            T[] parsed = newArray.apply(values.size());
            for (int i = 0; i < parsed.length; i++) {
                parsed[i] = parser.apply(values.get(i));
                if (parsed[i] == null) {
                    errors.add(new FieldError(valuePath(i), expected));
                }
            }
            return parsed;
        }

        private String valuePath(int index) {
            return path + "[" + index + "]";
        }
    }
}
