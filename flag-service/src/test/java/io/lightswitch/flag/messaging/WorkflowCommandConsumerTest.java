package io.lightswitch.flag.messaging;

import static io.lightswitch.flag.support.AdminApi.admin;
import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static io.lightswitch.flag.support.AdminApi.setEnabled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.contracts.workflow.SetRollout;
import io.lightswitch.flag.support.AdminApi.TestProject;
import io.lightswitch.flag.support.Broker;
import io.lightswitch.flag.support.FlagEventTap;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkflowCommandConsumerTest {

    private static byte[] disableCommand(UUID commandId, TestProject project, String flag) {
        var evidence = MessageCodec.mapper().createObjectNode().put("metric", "error_rate").put("effect", 0.051);
        DisableFlag command = new DisableFlag(commandId, project.key(), "production", flag, "rule-guard",
                "Default guard", "inc-1", "error rate 5.1 points above control", evidence);
        Envelope envelope = MessageCodec.wrap(commandId, MessageTypes.DISABLE_FLAG, "workflow-service", command,
                Clock.systemUTC());
        return MessageCodec.encode(envelope);
    }

    @Test
    void disableCommandSwitchesTheFlagOffWithTheRuleAsActorAndEvidence() throws Exception {
        TestProject project = createProject("cmd", "production");
        createBooleanFlag(project.key(), "dark-mode", false);
        setEnabled(project.key(), "dark-mode", "production", true);

        try (FlagEventTap tap = FlagEventTap.flagEvents()) {
            Broker.publish(Exchanges.WORKFLOW_COMMANDS, RoutingKeys.FLAG_DISABLE,
                    disableCommand(UUID.randomUUID(), project, "dark-mode"));

            var confirmed = tap.await(r -> r.envelope().type().equals(MessageTypes.FLAG_CHANGED)
                    && MessageCodec.payload(r.envelope(), FlagChanged.class).project().equals(project.key())
                    && MessageCodec.payload(r.envelope(), FlagChanged.class).actor().kind().equals("rule"));
            FlagChanged changed = MessageCodec.payload(confirmed.envelope(), FlagChanged.class);
            assertThat(changed.actor().id()).isEqualTo("rule-guard");
            assertThat(changed.change()).isEqualTo("disabled");
            assertThat(changed.after().path("enabled").asBoolean()).isFalse();
        }
        admin().get("/api/v1/projects/{p}/flags/{f}/environments/production", project.key(), "dark-mode")
                .then().statusCode(200).body("enabled", equalTo(false));
        admin().queryParam("actor", "rule-guard").get("/api/v1/projects/{p}/audit", project.key())
                .then().statusCode(200)
                .body("[0].actor.kind", equalTo("rule"))
                .body("[0].actor.name", equalTo("Default guard"))
                .body("[0].reason", equalTo("error rate 5.1 points above control"))
                .body("[0].evidence.metric", equalTo("error_rate"));
    }

    @Test
    void aRedeliveredCommandChangesNothingTheSecondTime() throws Exception {
        TestProject project = createProject("cmd", "production");
        createBooleanFlag(project.key(), "search", false);
        setEnabled(project.key(), "search", "production", true);
        UUID commandId = UUID.randomUUID();

        try (FlagEventTap tap = FlagEventTap.flagEvents()) {
            Broker.publish(Exchanges.WORKFLOW_COMMANDS, RoutingKeys.FLAG_DISABLE, disableCommand(commandId, project, "search"));
            Broker.publish(Exchanges.WORKFLOW_COMMANDS, RoutingKeys.FLAG_DISABLE, disableCommand(commandId, project, "search"));
            tap.await(r -> r.envelope().type().equals(MessageTypes.FLAG_CHANGED)
                    && MessageCodec.payload(r.envelope(), FlagChanged.class).project().equals(project.key())
                    && MessageCodec.payload(r.envelope(), FlagChanged.class).actor().kind().equals("rule"));
            // a third, distinct command proves the consumer moved past both copies of the first
            Broker.publish(Exchanges.WORKFLOW_COMMANDS, RoutingKeys.FLAG_DISABLE,
                    disableCommand(UUID.randomUUID(), project, "search"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> tap.matching(r ->
                    r.envelope().type().equals(MessageTypes.FLAG_CHANGED)
                            && MessageCodec.payload(r.envelope(), FlagChanged.class).project().equals(project.key())
                            && MessageCodec.payload(r.envelope(), FlagChanged.class).actor().kind().equals("rule"))
                    .size() >= 2);

            assertThat(tap.matching(r -> r.envelope().type().equals(MessageTypes.FLAG_CHANGED)
                    && MessageCodec.payload(r.envelope(), FlagChanged.class).project().equals(project.key())
                    && MessageCodec.payload(r.envelope(), FlagChanged.class).actor().kind().equals("rule")))
                    .hasSize(2);
        }
        admin().get("/api/v1/projects/{p}/flags/{f}/environments/production", project.key(), "search")
                .then().statusCode(200).body("version", equalTo(4));
    }

    @Test
    void setRolloutCommandReplacesTheDefaultSplit() throws Exception {
        TestProject project = createProject("cmd", "production");
        createBooleanFlag(project.key(), "pricing", false);
        UUID commandId = UUID.randomUUID();
        SetRollout command = new SetRollout(commandId, project.key(), "production", "pricing",
                List.of(new SetRollout.Share("on", 0), new SetRollout.Share("off", 100)), "rule-latency",
                "Latency guard", "inc-2", "p95 latency 31% above control", null);

        Broker.publish(Exchanges.WORKFLOW_COMMANDS, RoutingKeys.FLAG_SET_ROLLOUT, MessageCodec.encode(
                MessageCodec.wrap(commandId, MessageTypes.SET_ROLLOUT, "workflow-service", command, Clock.systemUTC())));

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                admin().get("/api/v1/projects/{p}/flags/{f}/environments/production", project.key(), "pricing")
                        .then().statusCode(200)
                        .body("defaultServe.split[0].variant", equalTo("on"))
                        .body("defaultServe.split[0].weight", equalTo(0.0f))
                        .body("defaultServe.split[1].weight", equalTo(100.0f)));
        admin().queryParam("actor", "rule-latency").get("/api/v1/projects/{p}/audit", project.key())
                .then().statusCode(200).body("[0].action", equalTo("rollout")).body("[0].actor.kind", equalTo("rule"));
    }

    @Test
    void aMessageThatIsNotACommandGoesToTheDeadLetterQueue() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        Broker.publish(Exchanges.WORKFLOW_COMMANDS, RoutingKeys.FLAG_DISABLE,
                ("{\"not\": \"an envelope\", \"marker\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Broker.drain("flag-service.commands.dlq").stream()
                .anyMatch(body -> new String(body, StandardCharsets.UTF_8).contains(marker)));
    }
}
