package io.lightswitch.workflow.delivery;

import static io.lightswitch.workflow.support.Api.createRule;
import static io.lightswitch.workflow.support.Api.errorRateRule;
import static io.lightswitch.workflow.support.Api.uniqueProject;
import static io.lightswitch.workflow.support.Api.webhook;
import static io.lightswitch.workflow.support.Messages.degraded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.workflow.domain.webhook.WebhookSigner;
import io.lightswitch.workflow.support.Environments;
import io.lightswitch.workflow.support.FlagServiceStub;
import io.lightswitch.workflow.support.Incidents;
import io.lightswitch.workflow.support.Messages;
import io.lightswitch.workflow.support.Prometheus;
import io.lightswitch.workflow.support.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class WebhookDeliveryTest {

    private static final String SECRET = "chat-hook-secret";

    private static String template(String name) throws IOException {
        try (InputStream in = WebhookDeliveryTest.class.getResourceAsStream("/webhook-templates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode json(String body) throws IOException {
        return MessageCodec.mapper().readTree(body);
    }

    @Test
    void postsASignedIncidentToTheChatHookAndRetriesAfterA500() throws Exception {
        String project = uniqueProject("hook");
        Environments.seeWithoutGuard(project, "production");
        Prometheus before = Prometheus.scrape();
        try (WebhookReceiver chat = new WebhookReceiver(500)) {
            Map<String, Object> hook = new HashMap<>(webhook(chat.url("/hooks/incidents"),
                    template("chat-incident.json"), SECRET, "PT0.2S"));
            hook.put("headers", Map.of("Authorization", "Bearer chat-token"));
            String rule = createRule(project, "production", errorRateRule("Tell the team", Map.of("all", true),
                    List.of(hook), false));

            Messages.publish(degraded(project, "production", "dark-mode"));

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> chat.requests().size() == 2);
            WebhookReceiver.Request first = chat.requests().get(0);
            WebhookReceiver.Request retry = chat.requests().get(1);
            assertThat(retry.body()).isEqualTo(first.body());
            for (WebhookReceiver.Request request : chat.requests()) {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/hooks/incidents");
                assertThat(request.header("X-Lightswitch-Signature"))
                        .isEqualTo(WebhookSigner.signatureHeaderValue(SECRET, request.body()));
                assertThat(request.header("Authorization")).isEqualTo("Bearer chat-token");
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
            }
            assertThat(retry.header("X-Lightswitch-Delivery")).isEqualTo(first.header("X-Lightswitch-Delivery"));

            JsonNode body = json(first.body());
            assertThat(body.path("flag").asText()).isEqualTo("dark-mode");
            assertThat(body.path("metric").asText()).isEqualTo("error_rate");
            assertThat(body.path("text").asText()).startsWith(":rotating_light: Tell the team: errors up on");
            String incidentId = body.path("incident").asText();
            assertThat(first.header("X-Lightswitch-Incident")).isEqualTo(incidentId);

            JsonPath delivered = Incidents.awaitDetail(project, incidentId,
                    json -> "delivered".equals(json.getString("actions[0].status")));
            assertThat(delivered.getString("rule.id")).isEqualTo(rule);
            assertThat(delivered.getInt("actions[0].attempts")).isEqualTo(2);
            assertThat(delivered.getInt("actions[0].responseStatus")).isEqualTo(200);
            assertThat(delivered.getList("actions[0].attemptLog.status")).containsExactly(500, 200);
            assertThat(delivered.getList("actions[0].payload.headers", String.class)).contains("Authorization");
            assertThat(delivered.getString("actions[0].payload").contains("chat-token")).isFalse();
        }
        Prometheus after = Prometheus.scrape();
        assertThat(after.value("lightswitch_workflow_webhook_deliveries_seconds_count", Map.of("outcome", "retry"))
                - before.value("lightswitch_workflow_webhook_deliveries_seconds_count", Map.of("outcome", "retry")))
                .isEqualTo(1);
        assertThat(after.value("lightswitch_workflow_actions_total", Map.of("type", "CallWebhook",
                "result", "delivered")) - before.value("lightswitch_workflow_actions_total",
                Map.of("type", "CallWebhook", "result", "delivered"))).isEqualTo(1);
    }

    @Test
    void givesUpOnAStatusThatSaysTheRequestIsWrong() throws Exception {
        String project = uniqueProject("hook");
        Environments.seeWithoutGuard(project, "production");
        try (WebhookReceiver provider = new WebhookReceiver(400, 400)) {
            createRule(project, "production", errorRateRule("Provider API", Map.of("all", true),
                    List.of(webhook(provider.url("/api"), "{\"flag\": \"{{incident.flagKey}}\"}", SECRET, "PT0.1S")),
                    false));

            Messages.publish(degraded(project, "production", "dark-mode"));

            String id = Incidents.awaitOne(project, "dark-mode").getString("id");
            JsonPath failed = Incidents.awaitDetail(project, id,
                    json -> "failed".equals(json.getString("actions[0].status")));
            assertThat(failed.getInt("actions[0].attempts")).isEqualTo(1);
            assertThat(failed.getString("actions[0].detail")).contains("400");
            assertThat(provider.requests()).hasSize(1);
        }
    }

    @Test
    void aDryRunRuleCallsNoWebhook() throws Exception {
        String project = uniqueProject("hook");
        Environments.seeWithoutGuard(project, "production");
        try (WebhookReceiver chat = new WebhookReceiver()) {
            createRule(project, "production", errorRateRule("Preview", Map.of("all", true),
                    List.of(webhook(chat.url("/x"), template("chat-incident.json"), SECRET, "PT1S")), true));

            Messages.publish(degraded(project, "production", "dark-mode"));

            JsonPath incident = Incidents.awaitOne(project, "dark-mode");
            assertThat(incident.getString("actions[0].status")).isEqualTo("dry_run");
            assertThat(incident.getString("actions[0].payload.body")).contains("(dry run)");
            assertThat(chat.requests()).isEmpty();
        }
    }

    @Test
    void postsEveryProductionFlagChangeAsAGrafanaAnnotation() throws Exception {
        String project = uniqueProject("changes");
        try (WebhookReceiver grafana = new WebhookReceiver()) {
            Map<String, Object> hook = Map.of("type", "CallWebhook", "url", grafana.url("/api/annotations"),
                    "bodyTemplate", template("grafana-annotation.json"), "secret", SECRET,
                    "headers", Map.of("Authorization", "Bearer glsa_token"));
            String rule = createRule(project, "production", Map.of("name", "Production changes to Grafana",
                    "trigger", "FLAG_CHANGE", "scope", Map.of("flags", Map.of("all", true)),
                    "actions", List.of(hook)));

            Messages.publish(Messages.flagChanged(project, "staging", "dark-mode", "rollout", Messages.user()));
            Messages.publish(Messages.flagChanged(project, "production", "dark-mode", "rollout", Messages.user()));

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> grafana.requests().size() == 1);
            WebhookReceiver.Request request = grafana.requests().get(0);
            assertThat(request.header("X-Lightswitch-Signature"))
                    .isEqualTo(WebhookSigner.signatureHeaderValue(SECRET, request.body()));
            JsonNode annotation = json(request.body());
            assertThat(annotation.path("tags").toString()).contains("flag:dark-mode", "env:production", "rollout");
            assertThat(annotation.path("text").asText()).contains("alice@example.com");
            assertThat(annotation.path("time").isNumber()).isTrue();

            List<Map<String, Object>> notifications = Incidents.of(project, "dark-mode");
            assertThat(notifications).hasSize(1);
            assertThat(notifications.get(0)).containsEntry("trigger", "FLAG_CHANGE")
                    .containsEntry("status", "closed").containsEntry("closeReason", "notified")
                    .containsEntry("environment", "production");
            JsonPath detail = Incidents.awaitDetail(project, (String) notifications.get(0).get("id"),
                    json -> "delivered".equals(json.getString("actions[0].status")));
            assertThat(detail.getString("rule.id")).isEqualTo(rule);
            assertThat(detail.getString("evidence.actor.name")).isEqualTo("alice@example.com");
        }
    }
}
