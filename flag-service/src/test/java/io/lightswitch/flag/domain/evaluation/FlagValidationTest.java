package io.lightswitch.flag.domain.evaluation;

import static io.lightswitch.flag.domain.evaluation.Flags.booleanFlag;
import static io.lightswitch.flag.domain.evaluation.Flags.off;
import static io.lightswitch.flag.domain.evaluation.Flags.on;
import static io.lightswitch.flag.domain.evaluation.Flags.rule;
import static io.lightswitch.flag.domain.evaluation.Flags.segmentRule;
import static io.lightswitch.flag.domain.evaluation.Flags.split;
import static io.lightswitch.flag.domain.evaluation.Flags.when;
import static io.lightswitch.flag.domain.model.Operator.AFTER;
import static io.lightswitch.flag.domain.model.Operator.EQUALS;
import static io.lightswitch.flag.domain.model.Operator.GT;
import static io.lightswitch.flag.domain.model.Operator.MATCHES;
import static io.lightswitch.flag.domain.model.Operator.SEMVER_GT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.lightswitch.flag.domain.FieldError;
import io.lightswitch.flag.domain.model.Condition;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.domain.model.Match;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.TargetingRule;
import io.lightswitch.flag.domain.model.WeightedVariant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagValidationTest {

    private static final Map<String, SegmentDefinition> NO_SEGMENTS = Map.of();

    @Test
    void collectsEveryInvalidFieldWithItsPath() {
        FlagConfig flag = booleanFlag("broken", List.of(
                rule("r0", Serve.variant("maybe"), when("country", EQUALS, "DE")),
                rule("r1", on(), when("email", MATCHES, "ok", "(unclosed"), when("age", GT, "old")),
                new TargetingRule("r2", "ghosts", Match.ALL, List.of(),
                        split("on", 60, "off", 30)),
                rule("r3", new Serve("on", List.of(new WeightedVariant("on", 100))),
                        when("appVersion", SEMVER_GT, "not-a-version"), when("signedUp", AFTER, "someday"))),
                split("on", -10, "off", 110), Map.of("alice", "sometimes"));

        List<FieldError> errors = FlagCompiler.validate(flag, NO_SEGMENTS);

        assertThat(errors).extracting(FieldError::field).containsExactly(
                "rules[0].serve.variant",
                "rules[1].conditions[0].values[1]",
                "rules[1].conditions[1].values[0]",
                "rules[2].segment",
                "rules[2].serve.split",
                "rules[3].conditions[0].values[0]",
                "rules[3].conditions[1].values[0]",
                "rules[3].serve",
                "defaultServe.split[0].weight",
                "defaultServe.split[1].weight",
                "overrides.alice");
        assertThat(errors).extracting(FieldError::reason).contains(
                "unknown variant 'maybe'",
                "must be a number",
                "unknown segment 'ghosts'",
                "weights add up to 90, not 100",
                "needs exactly one of variant or split",
                "unknown variant 'sometimes'");
        assertThat(errors.get(1).reason()).startsWith("is not a valid regular expression");
    }

    @Test
    void compileThrowsWithTheSameErrorsValidateReports() {
        FlagConfig flag = booleanFlag("broken", List.of(rule("r0", Serve.variant("maybe"))), split("on", 50), Map.of());

        assertThatThrownBy(() -> new FlagCompiler().compile(flag, NO_SEGMENTS))
                .isInstanceOfSatisfying(InvalidFlagConfigException.class, e -> assertThat(e.errors())
                        .isEqualTo(FlagCompiler.validate(flag, NO_SEGMENTS))
                        .extracting(FieldError::field)
                        .containsExactly("rules[0].serve.variant", "defaultServe.split"))
                .hasMessageContaining("rules[0].serve.variant: unknown variant 'maybe'");
    }

    @Test
    void validFlagHasNoErrors() {
        FlagConfig flag = booleanFlag("fine", List.of(rule("r0", split("on", 33.333, "off", 66.667),
                when("country", EQUALS, "DE"))), off(), Map.of("alice", "on"));

        assertThat(FlagCompiler.validate(flag, NO_SEGMENTS)).isEmpty();
    }

    @Test
    void acceptsWeightsWithinOneThousandthOfAPercentOfHundred() {
        FlagConfig justShort = booleanFlag("w", List.of(), split("on", 33.333, "off", 33.333, "on", 33.333), Map.of());
        FlagConfig tooShort = booleanFlag("w", List.of(), split("on", 33.333, "off", 33.333, "on", 33.332), Map.of());

        assertThat(FlagCompiler.validate(justShort, NO_SEGMENTS)).isEmpty();
        assertThat(FlagCompiler.validate(tooShort, NO_SEGMENTS))
                .containsExactly(new FieldError("defaultServe.split", "weights add up to 99.998, not 100"));
    }

    @Test
    void reportsMissingServesVariantsAndTypeMismatches() {
        FlagConfig flag = new FlagConfig(" ", FlagType.BOOLEAN, Map.of("on", true, "off", "no"), "s", 1L, true, null,
                List.of(rule("r0", null)), new Serve(null, null), Map.of());

        assertThat(FlagCompiler.validate(flag, NO_SEGMENTS)).containsExactly(
                new FieldError("key", "is required"),
                new FieldError("variants.off", "must be a value of the flag's type boolean"),
                new FieldError("offVariant", "is required"),
                new FieldError("rules[0].serve", "is required"),
                new FieldError("defaultServe", "needs exactly one of variant or split"));
    }

    @Test
    void reportsFlagsWithoutTypeVariantsOrSplitEntries() {
        FlagConfig flag = new FlagConfig("empty", null, Map.of(), "s", 1L, true, "on", List.of(),
                Serve.split(List.of()), Map.of());

        assertThat(FlagCompiler.validate(flag, NO_SEGMENTS)).extracting(FieldError::field)
                .containsExactly("type", "variants", "offVariant", "defaultServe.split");
    }

    @Test
    void reportsProblemsOfAReferencedSegmentAtTheRule() {
        Map<String, SegmentDefinition> segments = Map.of("staff", new SegmentDefinition("staff", Match.ALL,
                List.of(when("email", MATCHES, "[staff"))));
        FlagConfig flag = booleanFlag("f", List.of(segmentRule("r0", "staff", on()), segmentRule("r1", "staff", off())),
                off(), Map.of());

        List<FieldError> errors = FlagCompiler.validate(flag, segments);

        assertThat(errors).extracting(FieldError::field).containsExactly("rules[0].segment", "rules[1].segment");
        assertThat(errors.get(0).reason())
                .startsWith("segment 'staff' is invalid: conditions[0].values[0] is not a valid regular expression");
    }

    @Test
    void validatesSegmentBodiesOnTheirOwn() {
        SegmentDefinition segment = new SegmentDefinition("testers", Match.ANY, List.of(
                when("email", MATCHES, "*oops"),
                new Condition("plan", null, List.of("pro"), false),
                new Condition(" ", EQUALS, List.of(), false),
                when("groups", EQUALS, List.of("nested")),
                when("age", GT, 18)));

        assertThat(FlagCompiler.validateSegment(segment)).extracting(FieldError::field, FieldError::reason)
                .containsExactly(
                        tuple("conditions[0].values[0]", "is not a valid regular expression: Dangling meta character '*'"),
                        tuple("conditions[1].operator", "is required"),
                        tuple("conditions[2].attribute", "is required"),
                        tuple("conditions[2].values", "needs at least one value"),
                        tuple("conditions[3].values[0]", "must be a string, number or boolean"));
    }

    @Test
    void validSegmentHasNoErrors() {
        SegmentDefinition segment = new SegmentDefinition("everyone", Match.ALL, List.of());

        assertThat(FlagCompiler.validateSegment(segment)).isEmpty();
    }

    @Test
    void splitEntriesNeedKnownVariantsAndFiniteWeights() {
        FlagConfig flag = booleanFlag("w", List.of(), split("maybe", 50, "on", Double.NaN, "off", 50), Map.of());

        assertThat(FlagCompiler.validate(flag, NO_SEGMENTS)).containsExactly(
                new FieldError("defaultServe.split[0].variant", "unknown variant 'maybe'"),
                new FieldError("defaultServe.split[1].weight", "must be a percentage from 0 to 100"));
    }
}
