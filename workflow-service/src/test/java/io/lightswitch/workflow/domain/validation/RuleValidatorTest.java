package io.lightswitch.workflow.domain.validation;

import static io.lightswitch.workflow.domain.Samples.flagChangeRule;
import static io.lightswitch.workflow.domain.Samples.verdictRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.Condition;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.IncreaseUnit;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import io.lightswitch.workflow.domain.rule.Trigger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    private static final Condition TWO_POINTS = new Condition.IncreaseOverControl(2, IncreaseUnit.POINTS, 0.99);
    private static final Scope PRODUCTION = new Scope("shop", "production", FlagSelector.all());

    private static Rule withActions(Action... actions) {
        Rule rule = verdictRule("r", "error_rate", TWO_POINTS);
        return new Rule(rule.id(), rule.name(), rule.scope(), rule.trigger(), rule.metric(), rule.condition(),
                rule.minSamples(), rule.cooldown(), rule.enabled(), rule.dryRun(), Arrays.asList(actions));
    }

    private static List<String> paths(Rule rule) {
        return RuleValidator.validate(rule).stream().map(FieldError::path).toList();
    }

    private static String reasonFor(Rule rule, String path) {
        return RuleValidator.validate(rule).stream().filter(e -> e.path().equals(path)).findFirst()
                .map(FieldError::reason).orElseThrow(() -> new AssertionError("no error on " + path));
    }

    @Test
    void acceptsTheDefaultGuardRule() {
        assertThat(RuleValidator.validate(DefaultGuardRule.forEnvironment("shop", "production"))).isEmpty();
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        Rule bad = new Rule(null, " ", new Scope("shop", null, null), Trigger.VERDICT, "apdex",
                new Condition.IncreaseOverControl(-1, IncreaseUnit.PERCENT, 1.0), -5, Duration.ofMinutes(-1), true,
                false, List.of());

        assertThat(paths(bad)).containsExactlyInAnyOrder("name", "scope.environment", "scope.flags", "metric",
                "condition.amount", "condition.confidence", "minSamples", "cooldown", "actions");
    }

    @Test
    void namesTheUnknownMetricAndTheKnownOnes() {
        assertThat(reasonFor(verdictRule("r", "apdex", TWO_POINTS), "metric"))
                .contains("unknown metric 'apdex'").contains("error_rate").contains("page_load.cls");
    }

    @Test
    void rejectsTailLatencyThatAnalyticsDoesNotAssess() {
        Condition thirtyPercent = new Condition.IncreaseOverControl(30, IncreaseUnit.PERCENT, 0.99);

        assertThat(reasonFor(verdictRule("r", "latency_p95", thirtyPercent), "metric"))
                .contains("not assessed by analytics").contains("geometric mean");
        assertThat(paths(verdictRule("r", "latency_p50", thirtyPercent))).isEmpty();
        assertThat(paths(verdictRule("r", "page_load.inp", thirtyPercent))).isEmpty();
    }

    @Test
    void rejectsPointsOnTimings() {
        assertThat(reasonFor(verdictRule("r", "latency", TWO_POINTS), "condition.unit")).contains("PERCENT");
    }

    @Test
    void rejectsConfidenceOutsideTheOpenIntervalFromHalfToOne() {
        for (double confidence : new double[] {0.5, 1.0, 0.2, Double.NaN}) {
            Rule rule = verdictRule("r", "error_rate",
                    new Condition.IncreaseOverControl(2, IncreaseUnit.POINTS, confidence));
            assertThat(paths(rule)).as("confidence %s", confidence).containsExactly("condition.confidence");
        }
    }

    @Test
    void rejectsNegativeThresholdsAndRatesAboveOne() {
        assertThat(paths(verdictRule("r", "latency", new Condition.AbsoluteThreshold(-1))))
                .containsExactly("condition.value");
        assertThat(reasonFor(verdictRule("r", "error_rate", new Condition.AbsoluteThreshold(5)), "condition.value"))
                .contains("fraction");
        assertThat(paths(verdictRule("r", "latency", new Condition.AbsoluteThreshold(800)))).isEmpty();
    }

    @Test
    void rejectsASplitThatDoesNotAddUpToAHundred() {
        Rule rule = withActions(new Action.SetRollout(List.of(new Action.SetRollout.Share("on", 10),
                new Action.SetRollout.Share("off", 80))));

        assertThat(reasonFor(rule, "actions[0].split")).contains("add up to 100");
    }

    @Test
    void rejectsBadSharesInASplit() {
        Rule rule = withActions(new Action.DisableFlag(), new Action.SetRollout(List.of(
                new Action.SetRollout.Share("on", -10), new Action.SetRollout.Share("on", 110))));

        assertThat(paths(rule)).contains("actions[1].split[0].weight", "actions[1].split[1].variant",
                "actions[1].split[1].weight");
    }

    @Test
    void acceptsARolloutBackToZero() {
        Rule rule = withActions(new Action.SetRollout(List.of(new Action.SetRollout.Share("on", 0),
                new Action.SetRollout.Share("off", 100))));

        assertThat(RuleValidator.validate(rule)).isEmpty();
    }

    @Test
    void rejectsWebhookUrlsThatAreNotHttp() {
        assertThat(reasonFor(withActions(Action.CallWebhook.post("ftp://example.com/x", "{}")), "actions[0].url"))
                .contains("http or https");
        assertThat(paths(withActions(Action.CallWebhook.post("https:///no-host", "{}")))).contains("actions[0].url");
        assertThat(paths(withActions(Action.CallWebhook.post("not a url", "{}")))).contains("actions[0].url");
    }

    @Test
    void rejectsATemplateThatDoesNotCompile() {
        Rule rule = withActions(Action.CallWebhook.post("https://example.com/x", "{\"text\": \"{{#verdict}}\"}"));

        assertThat(reasonFor(rule, "actions[0].bodyTemplate")).contains("does not compile");
    }

    @Test
    void rejectsATemplateNamingAFieldTheModelDoesNotHave() {
        Rule rule = withActions(
                Action.CallWebhook.post("https://example.com/x", "{\"text\": \"{{verdict.sentense}}\"}"));

        assertThat(reasonFor(rule, "actions[0].bodyTemplate")).contains("sentense");
    }

    @Test
    void rejectsATemplateThatDoesNotRenderToJson() {
        Rule rule = withActions(Action.CallWebhook.post("https://example.com/x", "text={{verdict.sentence}}"));

        assertThat(reasonFor(rule, "actions[0].bodyTemplate")).contains("JSON");
    }

    @Test
    void rejectsUnescapedValues() {
        Rule rule = withActions(
                Action.CallWebhook.post("https://example.com/x", "{\"text\": \"{{{verdict.sentence}}}\"}"));

        assertThat(reasonFor(rule, "actions[0].bodyTemplate")).contains("unescaped");
    }

    @Test
    void rejectsPartials() {
        Rule rule = withActions(Action.CallWebhook.post("https://example.com/x", "{\"text\": \"{{> other}}\"}"));

        assertThat(reasonFor(rule, "actions[0].bodyTemplate")).contains("partials");
    }

    @Test
    void rejectsBadWebhookSettings() {
        Action.CallWebhook webhook = new Action.CallWebhook("https://example.com/x", "DELETE",
                Map.of("Bad Header", "x", "X-Ok", "line\nbreak"), "{}", "", "X Sig", 0, Duration.ofSeconds(-1));

        assertThat(paths(withActions(webhook))).containsExactlyInAnyOrder("actions[0].method", "actions[0].headers",
                "actions[0].headers.X-Ok", "actions[0].signatureHeader", "actions[0].secret", "actions[0].maxAttempts",
                "actions[0].initialBackoff");
    }

    @Test
    void rejectsHeadersTheClientOrWorkflowSetsThemselves() {
        Action.CallWebhook webhook = Action.CallWebhook.post("https://example.com/x", "{}")
                .withHeaders(Map.of("Host", "elsewhere.example", "X-Lightswitch-Delivery", "1", "Authorization", "t"));

        assertThat(paths(withActions(webhook))).containsExactlyInAnyOrder("actions[0].headers.Host",
                "actions[0].headers.X-Lightswitch-Delivery");
    }

    @Test
    void flagChangeRulesMayOnlyCallWebhooksAndHaveNoMetric() {
        Rule guard = DefaultGuardRule.forEnvironment("shop", "production");
        Rule rule = new Rule("c", "changes", PRODUCTION, Trigger.FLAG_CHANGE, "error_rate", guard.condition(), 0,
                Duration.ZERO, true, false, List.of(new Action.DisableFlag()));

        assertThat(paths(rule)).containsExactlyInAnyOrder("metric", "condition", "actions[0]");
    }

    @Test
    void flagChangeTemplatesAreCheckedAgainstTheFlagChangeModel() {
        Rule good = flagChangeRule("c", PRODUCTION,
                Action.CallWebhook.post("https://example.com/x", "{\"text\": \"{{change.actor.name}}\"}"));
        Rule verdictFieldsOnAChange = flagChangeRule("c", PRODUCTION,
                Action.CallWebhook.post("https://example.com/x", "{\"text\": \"{{verdict.sentence}}\"}"));

        assertThat(RuleValidator.validate(good)).isEmpty();
        assertThat(paths(verdictFieldsOnAChange)).containsExactly("actions[0].bodyTemplate");
    }

    @Test
    void missingScopeAndTriggerAreNamed() {
        Rule rule = new Rule("r", "n", null, null, null, null, 0, Duration.ZERO, true, false,
                List.of(new Action.DisableFlag()));

        assertThat(paths(rule)).containsExactlyInAnyOrder("scope", "trigger");
    }
}
