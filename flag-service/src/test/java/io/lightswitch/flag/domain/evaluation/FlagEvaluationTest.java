package io.lightswitch.flag.domain.evaluation;

import static io.lightswitch.flag.domain.evaluation.Flags.anyRule;
import static io.lightswitch.flag.domain.evaluation.Flags.booleanFlag;
import static io.lightswitch.flag.domain.evaluation.Flags.disabled;
import static io.lightswitch.flag.domain.evaluation.Flags.off;
import static io.lightswitch.flag.domain.evaluation.Flags.on;
import static io.lightswitch.flag.domain.evaluation.Flags.rule;
import static io.lightswitch.flag.domain.evaluation.Flags.segmentRule;
import static io.lightswitch.flag.domain.evaluation.Flags.split;
import static io.lightswitch.flag.domain.evaluation.Flags.when;
import static io.lightswitch.flag.domain.model.Operator.EQUALS;
import static io.lightswitch.flag.domain.model.Operator.GT;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.domain.model.Match;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.TargetingRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagEvaluationTest {

    private static final EvaluationContext GERMAN_ALICE = new EvaluationContext("alice", Map.of("country", "DE"));

    @Test
    void flagWithoutRulesOrOverridesServesItsDefaultStatically() {
        EvaluationResult result = Flags.compile(booleanFlag("plain", List.of(), on(), Map.of())).evaluate(GERMAN_ALICE);

        assertThat(result).isEqualTo(EvaluationResult.success("plain", true, "on", Reason.STATIC, 7L));
        assertThat(result.isError()).isFalse();
    }

    @Test
    void fixedDefaultNeedsNoTargetingKey() {
        CompiledFlag flag = Flags.compile(booleanFlag("plain", List.of(), on(), Map.of()));

        assertThat(flag.evaluate(new EvaluationContext(null, null)).variant()).isEqualTo("on");
    }

    @Test
    void disabledFlagServesItsOffVariantEvenToOverriddenUsers() {
        FlagConfig flag = booleanFlag("killed", List.of(rule("everyone", on())), on(), Map.of("alice", "on"));

        EvaluationResult result = Flags.compile(disabled(flag)).evaluate(GERMAN_ALICE);

        assertThat(result).isEqualTo(EvaluationResult.success("killed", false, "off", Reason.DISABLED, 7L));
    }

    @Test
    void overrideBeatsMatchingRules() {
        FlagConfig flag = booleanFlag("overridden", List.of(rule("germans", on(), when("country", EQUALS, "DE"))), on(),
                Map.of("alice", "off"));

        EvaluationResult result = Flags.compile(flag).evaluate(GERMAN_ALICE);

        assertThat(result.variant()).isEqualTo("off");
        assertThat(result.reason()).isEqualTo(Reason.TARGETING_MATCH);
    }

    @Test
    void overridesApplyOnlyToTheirTargetingKey() {
        CompiledFlag flag = Flags.compile(booleanFlag("overridden", List.of(), off(), Map.of("alice", "on")));

        assertThat(flag.evaluate(EvaluationContext.of("bob")).variant()).isEqualTo("off");
        assertThat(flag.evaluate(new EvaluationContext(null, Map.of())).variant()).isEqualTo("off");
    }

    @Test
    void flagWithOnlyOverridesReportsItsDefaultAsDefault() {
        CompiledFlag flag = Flags.compile(booleanFlag("overridden", List.of(), off(), Map.of("alice", "on")));

        assertThat(flag.evaluate(EvaluationContext.of("bob")).reason()).isEqualTo(Reason.DEFAULT);
    }

    @Test
    void firstMatchingRuleWins() {
        FlagConfig flag = booleanFlag("ordered", List.of(
                rule("adults", off(), when("age", GT, 17)),
                rule("germans", on(), when("country", EQUALS, "DE"))), off(), Map.of());

        CompiledFlag compiled = Flags.compile(flag);

        assertThat(compiled.evaluate(new EvaluationContext("u", Map.of("country", "DE", "age", 30))).variant())
                .isEqualTo("off");
        assertThat(compiled.evaluate(new EvaluationContext("u", Map.of("country", "DE", "age", 12))).variant())
                .isEqualTo("on");
    }

    @Test
    void ruleServingAVariantReportsTargetingMatch() {
        FlagConfig flag = booleanFlag("germans", List.of(rule("germans", on(), when("country", EQUALS, "DE"))), off(),
                Map.of());

        EvaluationResult result = Flags.compile(flag).evaluate(GERMAN_ALICE);

        assertThat(result).isEqualTo(EvaluationResult.success("germans", true, "on", Reason.TARGETING_MATCH, 7L));
    }

    @Test
    void unmatchedFlagWithRulesReportsDefault() {
        FlagConfig flag = booleanFlag("germans", List.of(rule("germans", on(), when("country", EQUALS, "DE"))), off(),
                Map.of());

        EvaluationResult result = Flags.compile(flag).evaluate(new EvaluationContext("bob", Map.of("country", "FR")));

        assertThat(result).isEqualTo(EvaluationResult.success("germans", false, "off", Reason.DEFAULT, 7L));
    }

    @Test
    void ruleServingASplitReportsSplit() {
        FlagConfig flag = booleanFlag("rollout", List.of(rule("germans", split("on", 100, "off", 0),
                when("country", EQUALS, "DE"))), off(), Map.of());

        EvaluationResult result = Flags.compile(flag).evaluate(GERMAN_ALICE);

        assertThat(result).isEqualTo(EvaluationResult.success("rollout", true, "on", Reason.SPLIT, 7L));
    }

    @Test
    void defaultSplitReportsSplit() {
        CompiledFlag flag = Flags.compile(booleanFlag("rollout", List.of(), split("on", 0, "off", 100), Map.of()));

        EvaluationResult result = flag.evaluate(EvaluationContext.of("alice"));

        assertThat(result.variant()).isEqualTo("off");
        assertThat(result.reason()).isEqualTo(Reason.SPLIT);
    }

    @Test
    void splitWithoutTargetingKeyIsAnError() {
        FlagConfig ruleSplit = booleanFlag("rollout", List.of(rule("everyone", split("on", 50, "off", 50))), off(),
                Map.of());
        FlagConfig defaultSplit = booleanFlag("rollout", List.of(), split("on", 50, "off", 50), Map.of());

        for (FlagConfig flag : List.of(ruleSplit, defaultSplit)) {
            for (String missingKey : new String[] {null, "", "  "}) {
                EvaluationResult result = Flags.compile(flag).evaluate(new EvaluationContext(missingKey, Map.of()));

                assertThat(result.isError()).isTrue();
                assertThat(result.errorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
                assertThat(result.reason()).isEqualTo(Reason.ERROR);
                assertThat(result.value()).isNull();
                assertThat(result.variant()).isNull();
                assertThat(result.flagVersion()).isEqualTo(7L);
                assertThat(result.errorDetails()).contains("targeting key");
            }
        }
    }

    @Test
    void ruleWithoutSegmentOrConditionsMatchesEveryone() {
        CompiledFlag flag = Flags.compile(booleanFlag("all", List.of(rule("everyone", on())), off(), Map.of()));

        assertThat(flag.evaluate(EvaluationContext.of("anyone")).variant()).isEqualTo("on");
    }

    @Test
    void allRuleNeedsEveryConditionAndAnyRuleNeedsOne() {
        CompiledFlag all = Flags.compile(booleanFlag("all", List.of(rule("both", on(),
                when("country", EQUALS, "DE"), when("plan", EQUALS, "pro"))), off(), Map.of()));
        CompiledFlag any = Flags.compile(booleanFlag("any", List.of(anyRule("either", on(),
                when("country", EQUALS, "DE"), when("plan", EQUALS, "pro"))), off(), Map.of()));
        EvaluationContext germanOnFree = new EvaluationContext("u", Map.of("country", "DE", "plan", "free"));
        EvaluationContext frenchOnFree = new EvaluationContext("u", Map.of("country", "FR", "plan", "free"));

        assertThat(all.evaluate(germanOnFree).variant()).isEqualTo("off");
        assertThat(any.evaluate(germanOnFree).variant()).isEqualTo("on");
        assertThat(any.evaluate(frenchOnFree).variant()).isEqualTo("off");
    }

    @Test
    void allSegmentNeedsEveryConditionAndAnySegmentNeedsOne() {
        Map<String, SegmentDefinition> segments = Map.of(
                "german-pros", new SegmentDefinition("german-pros", Match.ALL,
                        List.of(when("country", EQUALS, "DE"), when("plan", EQUALS, "pro"))),
                "germans-or-pros", new SegmentDefinition("germans-or-pros", Match.ANY,
                        List.of(when("country", EQUALS, "DE"), when("plan", EQUALS, "pro"))));
        CompiledFlag all = segmentFlag("german-pros", segments);
        CompiledFlag any = segmentFlag("germans-or-pros", segments);
        EvaluationContext germanOnFree = new EvaluationContext("u", Map.of("country", "DE", "plan", "free"));
        EvaluationContext germanOnPro = new EvaluationContext("u", Map.of("country", "DE", "plan", "pro"));
        EvaluationContext frenchOnFree = new EvaluationContext("u", Map.of("country", "FR", "plan", "free"));

        assertThat(all.evaluate(germanOnFree).variant()).isEqualTo("off");
        assertThat(all.evaluate(germanOnPro).variant()).isEqualTo("on");
        assertThat(any.evaluate(germanOnFree).variant()).isEqualTo("on");
        assertThat(any.evaluate(frenchOnFree).variant()).isEqualTo("off");
    }

    @Test
    void emptyAllSegmentMatchesEveryoneAndEmptyAnySegmentNoOne() {
        Map<String, SegmentDefinition> segments = Map.of(
                "everyone", new SegmentDefinition("everyone", Match.ALL, List.of()),
                "no-one", new SegmentDefinition("no-one", Match.ANY, List.of()));

        assertThat(segmentFlag("everyone", segments).evaluate(GERMAN_ALICE).variant()).isEqualTo("on");
        assertThat(segmentFlag("no-one", segments).evaluate(GERMAN_ALICE).variant()).isEqualTo("off");
    }

    @Test
    void ruleWithSegmentAndConditionsNeedsBoth() {
        Map<String, SegmentDefinition> segments = Map.of("germans",
                new SegmentDefinition("germans", Match.ALL, List.of(when("country", EQUALS, "DE"))));
        FlagConfig flag = booleanFlag("both", List.of(new TargetingRule("r", "germans",
                Match.ANY, List.of(when("plan", EQUALS, "pro")), on())), off(), Map.of());
        CompiledFlag compiled = new FlagCompiler().compile(flag, segments);

        assertThat(compiled.evaluate(new EvaluationContext("u", Map.of("country", "DE", "plan", "pro"))).variant())
                .isEqualTo("on");
        assertThat(compiled.evaluate(new EvaluationContext("u", Map.of("country", "DE", "plan", "free"))).variant())
                .isEqualTo("off");
        assertThat(compiled.evaluate(new EvaluationContext("u", Map.of("country", "FR", "plan", "pro"))).variant())
                .isEqualTo("off");
    }

    @Test
    void servesStructuredVariantValues() {
        Map<String, Object> layout = Map.of("columns", 3, "theme", "dark");
        FlagConfig flag = new FlagConfig("layout", FlagType.OBJECT, Map.of("wide", layout, "narrow", List.of(1)), "s",
                3L, true, "narrow", List.of(), Serve.variant("wide"), Map.of());

        EvaluationResult result = Flags.compile(flag).evaluate(EvaluationContext.of("u"));

        assertThat(result.value()).isEqualTo(layout);
        assertThat(result.flagVersion()).isEqualTo(3L);
    }

    @Test
    void exposesKeyTypeAndVersion() {
        CompiledFlag flag = Flags.compile(booleanFlag("plain", List.of(), on(), Map.of()));

        assertThat(flag.key()).isEqualTo("plain");
        assertThat(flag.type()).isEqualTo(FlagType.BOOLEAN);
        assertThat(flag.version()).isEqualTo(7L);
    }

    @Test
    void flagNotFoundErrorHasNoVersion() {
        EvaluationResult result = EvaluationResult.error("ghost", ErrorCode.FLAG_NOT_FOUND, "no flag 'ghost'");

        assertThat(result.isError()).isTrue();
        assertThat(result.reason()).isEqualTo(Reason.ERROR);
        assertThat(result.flagVersion()).isZero();
    }

    private static CompiledFlag segmentFlag(String segment, Map<String, SegmentDefinition> segments) {
        return new FlagCompiler().compile(booleanFlag("segmented", List.of(segmentRule("r", segment, on())), off(),
                Map.of()), segments);
    }
}
