package io.lightswitch.workflow.domain.webhook;

import static io.lightswitch.workflow.domain.Samples.degradedVerdict;
import static io.lightswitch.workflow.domain.Samples.fixture;
import static io.lightswitch.workflow.domain.Samples.flagChangeRule;
import static io.lightswitch.workflow.domain.Samples.flagChanged;
import static io.lightswitch.workflow.domain.Samples.flagChangedEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import io.lightswitch.workflow.domain.validation.RuleValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/workflow-webhooks.md, rendered from the golden messages. */
class WebhookTemplateExamplesTest {

    private static final Scope PRODUCTION = new Scope("shop", "production", FlagSelector.all());
    private static final long OCCURRED_AT_MILLIS = 1795685400125L; // 2026-11-26T09:30:00.125Z

    private static JsonNode renderChange(String fixture) throws Exception {
        Rule rule = flagChangeRule("changes", PRODUCTION,
                Action.CallWebhook.post("https://example.com/hook", fixture(fixture)));
        assertThat(RuleValidator.validate(rule)).isEmpty();
        Map<String, Object> model = WebhookModel.forFlagChange(rule, flagChanged(),
                flagChangedEnvelope().occurredAt());
        return MessageCodec.mapper().readTree(TemplateRenderer.render(fixture(fixture), model));
    }

    @Test
    void dynatraceCustomDeploymentEventForAFlagChange() throws Exception {
        JsonNode event = renderChange("webhook-templates/dynatrace-custom-deployment.json");

        assertThat(event.get("eventType").asText()).isEqualTo("CUSTOM_DEPLOYMENT");
        assertThat(event.get("title").asText()).isEqualTo("Flag dark-mode rollout in production");
        assertThat(event.get("entitySelector").asText()).isEqualTo("type(SERVICE),tag(\"environment:production\")");
        assertThat(event.get("startTime").asLong()).isEqualTo(OCCURRED_AT_MILLIS);
        JsonNode properties = event.get("properties");
        assertThat(properties.get("dt.event.deployment.name").asText()).isEqualTo("shop/dark-mode");
        assertThat(properties.get("dt.event.deployment.version").asText()).isEqualTo("4");
        assertThat(properties.get("event").asText()).isEqualTo("rollout");
        assertThat(properties.get("environment").asText()).isEqualTo("production");
        assertThat(properties.get("actor").asText()).isEqualTo("user:alice@example.com");
        assertThat(properties.get("reason").asText()).isEqualTo("widen rollout after a quiet day at 10%");
        properties.fields().forEachRemaining(p -> assertThat(p.getValue().isTextual()).as(p.getKey()).isTrue());
    }

    @Test
    void grafanaAnnotationForAFlagChange() throws Exception {
        JsonNode annotation = renderChange("webhook-templates/grafana-annotation.json");

        assertThat(annotation.get("time").isIntegralNumber()).isTrue();
        assertThat(annotation.get("time").asLong()).isEqualTo(OCCURRED_AT_MILLIS);
        assertThat(annotation.get("tags")).extracting(JsonNode::asText)
                .containsExactly("lightswitch", "flag:dark-mode", "env:production", "rollout");
        assertThat(annotation.get("text").asText()).isEqualTo(
                "dark-mode rollout (version 4) by alice@example.com: widen rollout after a quiet day at 10%");
    }

    @Test
    void chatMessageForAFlagChange() throws Exception {
        JsonNode message = renderChange("webhook-templates/chat-flag-change.json");

        assertThat(message.get("text").asText()).isEqualTo(":triangular_flag_on_post: *dark-mode* rollout in"
                + " production by alice@example.com (version 4): widen rollout after a quiet day at 10%");
    }

    @Test
    void chatMessageForAnIncident() throws Exception {
        Rule guard = DefaultGuardRule.forEnvironment("shop", "production");
        ImpactVerdict verdict = degradedVerdict();
        Map<String, Object> model = WebhookModel.forIncident(guard, "inc-1", verdict, verdict.assessedAt());

        JsonNode message = MessageCodec.mapper().readTree(
                TemplateRenderer.render(fixture("webhook-templates/chat-incident.json"), model));

        assertThat(message.get("text").asText()).isEqualTo(":rotating_light: Default guard: error rate: "
                + verdict.sentence());
        assertThat(message.get("incident").asText()).isEqualTo("inc-1");
        assertThat(message.get("flag").asText()).isEqualTo("dark-mode");
        assertThat(message.get("variant").asText()).isEqualTo("on");
        assertThat(message.get("metric").asText()).isEqualTo("error_rate");
    }

    @Test
    void incidentModelExposesTheVerdictEvidence() {
        Rule guard = DefaultGuardRule.forEnvironment("shop", "production");
        Map<String, Object> model = WebhookModel.forIncident(guard, "inc-1", degradedVerdict(),
                degradedVerdict().assessedAt());

        assertThat(TemplateRenderer.render(
                "{{verdict.evidence.treatment.value}} vs {{verdict.evidence.control.value}} at"
                        + " {{verdict.evidence.confidence}} since {{verdict.since}}", model))
                .isEqualTo("0.061 vs 0.01 at 0.99 since 2026-11-26T09:41:10Z");
    }
}
