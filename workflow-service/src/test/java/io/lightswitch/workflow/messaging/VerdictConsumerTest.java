package io.lightswitch.workflow.messaging;

import static io.lightswitch.workflow.support.Api.admin;
import static io.lightswitch.workflow.support.Api.createRule;
import static io.lightswitch.workflow.support.Api.errorRateRule;
import static io.lightswitch.workflow.support.Api.rules;
import static io.lightswitch.workflow.support.Api.uniqueProject;
import static io.lightswitch.workflow.support.Messages.anomalyDetected;
import static io.lightswitch.workflow.support.Messages.degraded;
import static io.lightswitch.workflow.support.Messages.impactAssessed;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.support.Environments;
import io.lightswitch.workflow.support.FlagServiceStub;
import io.lightswitch.workflow.support.Incidents;
import io.lightswitch.workflow.support.Messages;
import io.lightswitch.workflow.support.Prometheus;
import io.lightswitch.workflow.support.Tap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class VerdictConsumerTest {

    private static boolean commandFor(Tap.Received received, String project, String flagKey) {
        DisableFlag command = MessageCodec.payload(received.envelope(), DisableFlag.class);
        return project.equals(command.project()) && flagKey.equals(command.flagKey());
    }

    @Test
    void disablesTheFlagOnceWhenAVerdictIsRedeliveredAndAnalyticsSendsBothMessagesOfItsTurn() throws Exception {
        String project = uniqueProject("verdict");
        ImpactVerdict verdict = degraded(project, "production", "dark-mode");
        String guard = DefaultGuardRule.idFor(project, "production");
        Prometheus before = Prometheus.scrape();

        try (Tap tap = Tap.workflowCommands()) {
            Envelope anomaly = anomalyDetected(verdict);
            Messages.publish(anomaly);
            Messages.publish(anomaly);
            Messages.publish(impactAssessed(verdict));
            // the same queue, in order: once this one acted, the three before it were handled
            Messages.publish(degraded(project, "production", "fence"));
            tap.await(received -> commandFor(received, project, "fence"));

            List<Tap.Received> commands = tap.matching(received -> commandFor(received, project, "dark-mode"));
            assertThat(commands).hasSize(1);
            Tap.Received sent = commands.get(0);
            DisableFlag command = MessageCodec.payload(sent.envelope(), DisableFlag.class);
            assertThat(sent.routingKey()).isEqualTo(RoutingKeys.FLAG_DISABLE);
            assertThat(sent.envelope().type()).isEqualTo(MessageTypes.DISABLE_FLAG);
            assertThat(sent.envelope().id()).isEqualTo(command.commandId());
            assertThat(command.environment()).isEqualTo("production");
            assertThat(command.ruleId()).isEqualTo(guard);
            assertThat(command.ruleName()).isEqualTo(DefaultGuardRule.NAME);
            assertThat(command.reason()).startsWith(verdict.sentence());
            assertThat(command.evidence().path("intervalLower").asDouble()).isEqualTo(0.032);
            assertThat(command.evidence().path("service").asText()).isEqualTo("checkout-service");

            List<Map<String, Object>> incidents = Incidents.of(project, "dark-mode");
            assertThat(incidents).hasSize(1);
            assertThat(incidents.get(0)).containsEntry("status", "open").containsEntry("verdicts", 2)
                    .containsEntry("trigger", "VERDICT").containsEntry("variant", "on")
                    .containsEntry("metric", "error_rate").containsEntry("service", "checkout-service");
            assertThat(command.incidentId()).isEqualTo(incidents.get(0).get("id"));

            JsonPath detail = Incidents.awaitDetail(project, command.incidentId(),
                    json -> "published".equals(json.getString("actions[0].status")));
            assertThat(detail.getString("rule.id")).isEqualTo(guard);
            assertThat(detail.getString("actions[0].type")).isEqualTo("DisableFlag");
            assertThat(detail.getString("actions[0].commandId")).isEqualTo(command.commandId().toString());
            assertThat(detail.getString("actions[0].payload.flagKey")).isEqualTo("dark-mode");
            assertThat(detail.getString("evidence.sentence")).isEqualTo(verdict.sentence());
        }
        Prometheus after = Prometheus.scrape();
        assertThat(after.value("lightswitch_workflow_incidents_opened_total", Map.of("trigger", "verdict"))
                - before.value("lightswitch_workflow_incidents_opened_total", Map.of("trigger", "verdict")))
                .isEqualTo(2);
        assertThat(after.value("lightswitch_workflow_actions_total", Map.of("type", "DisableFlag", "result", "queued"))
                - before.value("lightswitch_workflow_actions_total", Map.of("type", "DisableFlag", "result", "queued")))
                .isEqualTo(2);
        assertThat(after.value("lightswitch_workflow_messages_total", Map.of("channel", "verdicts",
                "outcome", "duplicate"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDryRunRuleRecordsTheIncidentAndWhatItWouldSendButSendsNothing() throws Exception {
        String project = uniqueProject("dry");
        Environments.seeWithoutGuard(project, "production");
        String dryRun = createRule(project, "production", errorRateRule("Dry guard", Map.of("flagKey", "dark-mode"),
                List.of(Map.of("type", "DisableFlag"), Map.of("type", "SetRollout", "split",
                        List.of(Map.of("variant", "on", "weight", 0), Map.of("variant", "off", "weight", 100)))),
                true));
        createRule(project, "production", errorRateRule("Fence", Map.of("flagKey", "fence"),
                List.of(Map.of("type", "DisableFlag")), false));

        try (Tap tap = Tap.workflowCommands()) {
            Messages.publish(degraded(project, "production", "dark-mode"));
            Messages.publish(degraded(project, "production", "fence"));
            tap.await(received -> commandFor(received, project, "fence"));

            assertThat(tap.matching(received -> commandFor(received, project, "dark-mode"))).isEmpty();
        }
        JsonPath incident = Incidents.awaitOne(project, "dark-mode");
        assertThat(incident.getString("rule.id")).isEqualTo(dryRun);
        assertThat(incident.getBoolean("dryRun")).isTrue();
        assertThat(incident.getString("status")).isEqualTo("open");
        assertThat(incident.getList("actions.status")).containsExactly("dry_run", "dry_run");
        assertThat(incident.getList("actions.type")).containsExactly("DisableFlag", "SetRollout");
        assertThat(incident.getString("actions[0].payload.ruleId")).isEqualTo(dryRun);
        assertThat(incident.getDouble("actions[1].payload.split[1].weight")).isEqualTo(100.0);
    }

    @Test
    void staysQuietForTheCooldownAndOpensANewIncidentAfterIt() throws Exception {
        String project = uniqueProject("cooldown");
        ImpactVerdict first = degraded(project, "production", "dark-mode");
        Instant start = first.assessedAt();
        Prometheus before = Prometheus.scrape();

        Messages.publish(first);
        // a new degradation of the same subject 10 minutes later: within the guard's 30 minutes
        Messages.publish(Messages.at(first, start.plus(Duration.ofMinutes(10))));
        Messages.publish(Messages.at(first, start.plus(Duration.ofMinutes(31))));

        List<Map<String, Object>> incidents = Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> Incidents.of(project, "dark-mode"), list -> list.size() == 2);
        assertThat(incidents).extracting(i -> i.get("openedAt"))
                .containsExactly(start.plus(Duration.ofMinutes(31)).toString(), start.toString());
        assertThat(Prometheus.scrape().value("lightswitch_workflow_cooldown_suppressed_total")
                - before.value("lightswitch_workflow_cooldown_suppressed_total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void closesTheIncidentWhenFlagServiceConfirmsTheRulesCommand() throws Exception {
        String project = uniqueProject("confirm");
        String guard = DefaultGuardRule.idFor(project, "production");
        Prometheus before = Prometheus.scrape();
        Messages.publish(degraded(project, "production", "dark-mode"));
        JsonPath opened = Incidents.awaitOne(project, "dark-mode");
        String id = opened.getString("id");

        Messages.publish(Messages.flagChanged(project, "production", "dark-mode", "disabled", Messages.user()));
        Messages.publish(Messages.flagChanged(project, "production", "dark-mode", "disabled",
                Messages.rule("another-rule")));
        Messages.publish(Messages.flagChanged(project, "production", "dark-mode", "disabled", Messages.rule(guard)));

        JsonPath closed = Incidents.awaitDetail(project, id, json -> "closed".equals(json.getString("status")));
        assertThat(closed.getString("closeReason")).isEqualTo("confirmed");
        assertThat(closed.getString("actions[0].status")).isEqualTo("confirmed");
        assertThat(closed.getString("closedAt")).isNotNull();
        Prometheus after = Prometheus.scrape();
        assertThat(after.value("lightswitch_workflow_incidents_closed_total", Map.of("reason", "confirmed"))
                - before.value("lightswitch_workflow_incidents_closed_total", Map.of("reason", "confirmed")))
                .isEqualTo(1);
        assertThat(after.value("lightswitch_workflow_actions_total", Map.of("type", "DisableFlag",
                "result", "confirmed")) - before.value("lightswitch_workflow_actions_total",
                Map.of("type", "DisableFlag", "result", "confirmed"))).isEqualTo(1);
    }

    @Test
    void closesTheIncidentWhenTheMetricRecoversForAllTraffic() throws Exception {
        String project = uniqueProject("recover");
        ImpactVerdict verdict = degraded(project, "production", "dark-mode");
        Messages.publish(verdict);
        String id = Incidents.awaitOne(project, "dark-mode").getString("id");

        Messages.publish(Messages.healthy(verdict, verdict.assessedAt().plus(Duration.ofMinutes(5))));

        JsonPath closed = Incidents.awaitDetail(project, id, json -> "closed".equals(json.getString("status")));
        assertThat(closed.getString("closeReason")).isEqualTo("recovered");
        assertThat(closed.getString("service")).isEqualTo("checkout-service");
        assertThat(closed.getString("closedAt"))
                .isEqualTo(verdict.assessedAt().plus(Duration.ofMinutes(5)).toString());
    }

    @Test
    void createsTheDefaultGuardOncePerEnvironmentAndNeverBringsADeletedOneBack() throws Exception {
        String project = uniqueProject("guard");
        String guard = Environments.see(project, "staging");
        Messages.publish(Messages.flagChanged(project, "staging", "other", "updated", Messages.user()));
        Messages.publish(degraded(project, "staging", "first-verdict"));

        String path = rules(project, "staging");
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> !Incidents.of(project, "first-verdict").isEmpty());
        JsonPath listed = admin().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("id")).containsExactly(guard);
        assertThat(listed.getBoolean("[0].defaultGuard")).isTrue();
        assertThat(listed.getString("[0].name")).isEqualTo(DefaultGuardRule.NAME);
        assertThat(listed.getString("[0].condition.type")).isEqualTo("IncreaseOverControl");
        assertThat(listed.getDouble("[0].condition.amount")).isEqualTo(2.0);
        assertThat(listed.getString("[0].cooldown")).isEqualTo("PT30M");
        assertThat(listed.getInt("[0].minSamples")).isEqualTo(100);

        admin().delete(path + "/" + guard).then().statusCode(204);
        Messages.publish(Messages.flagChanged(project, "staging", "again", "updated", Messages.user()));
        Messages.publish(degraded(project, "staging", "after-delete"));
        createRule(project, "staging", errorRateRule("Fence", Map.of("flagKey", "fence"),
                List.of(Map.of("type", "DisableFlag")), false));
        Messages.publish(degraded(project, "staging", "fence"));
        Incidents.awaitOne(project, "fence");

        admin().get(path + "/" + guard).then().statusCode(404);
        assertThat(Incidents.of(project, "after-delete")).isEmpty();
    }

    @Test
    void aDisabledGuardOpensNothing() throws Exception {
        String project = uniqueProject("quiet");
        Environments.seeWithoutGuard(project, "production");
        createRule(project, "production", errorRateRule("Fence", Map.of("flagKey", "fence"),
                List.of(Map.of("type", "DisableFlag")), false));

        Messages.publish(degraded(project, "production", "dark-mode"));
        Messages.publish(degraded(project, "production", "fence"));
        Incidents.awaitOne(project, "fence");

        assertThat(Incidents.of(project, "dark-mode")).isEmpty();
    }

    @Test
    void aTagScopedRuleFiresOnTheTagsFlagServiceKnows() throws Exception {
        String project = uniqueProject("tags");
        Environments.seeWithoutGuard(project, "production");
        String rule = createRule(project, "production", errorRateRule("Checkout flags",
                Map.of("tag", "checkout"), List.of(Map.of("type", "DisableFlag")), false));

        Messages.publish(degraded(project, "production", "search--ranking"));
        Messages.publish(degraded(project, "production", "checkout--one-click"));

        assertThat(Incidents.awaitOne(project, "checkout--one-click").getString("rule.id")).isEqualTo(rule);
        assertThat(Incidents.of(project, "search--ranking")).isEmpty();
    }
}
