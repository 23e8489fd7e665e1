package io.lightswitch.workflow.domain.command;

import static io.lightswitch.workflow.domain.Samples.degradedVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.contracts.workflow.SetRollout;
import io.lightswitch.workflow.domain.incident.IncidentKey;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.domain.rule.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandFactoryTest {

    private final Rule guard = DefaultGuardRule.forEnvironment("shop", "production");
    private final ImpactVerdict verdict = degradedVerdict();
    private final String incidentId = IncidentKey.forVerdict(guard, verdict).toString();

    @Test
    void disableFlagTargetsTheVerdictsFlagAndNamesRuleAndIncident() {
        DisableFlag command = CommandFactory.disableFlag(guard, incidentId, 0, verdict);

        assertThat(command.project()).isEqualTo("shop");
        assertThat(command.environment()).isEqualTo("production");
        assertThat(command.flagKey()).isEqualTo("dark-mode");
        assertThat(command.ruleId()).isEqualTo(guard.id());
        assertThat(command.ruleName()).isEqualTo("Default guard: error rate");
        assertThat(command.incidentId()).isEqualTo(incidentId);
        assertThat(command.reason()).startsWith(verdict.sentence()).endsWith("(rule: Default guard: error rate)");
    }

    @Test
    void commandIdIsTheSameWhenTheIncidentsActionIsSentAgain() {
        DisableFlag first = CommandFactory.disableFlag(guard, incidentId, 0, verdict);
        DisableFlag resent = CommandFactory.disableFlag(guard, incidentId, 0, degradedVerdict());

        assertThat(resent.commandId()).isEqualTo(first.commandId());
        assertThat(CommandFactory.commandId(incidentId, 1)).isNotEqualTo(first.commandId());
        assertThat(CommandFactory.commandId("another-incident", 0)).isNotEqualTo(first.commandId());
    }

    @Test
    void evidenceIsTheVerdictsEvidenceWithWhatItIsAbout() {
        DisableFlag command = CommandFactory.disableFlag(guard, incidentId, 0, verdict);

        assertThat(command.evidence().get("intervalLower").asDouble()).isEqualTo(0.032);
        assertThat(command.evidence().get("treatment").get("samples").asLong()).isEqualTo(600);
        assertThat(command.evidence().get("confidence").asDouble()).isEqualTo(0.99);
        assertThat(command.evidence().get("metric").asText()).isEqualTo("error_rate");
        assertThat(command.evidence().get("variant").asText()).isEqualTo("on");
        assertThat(command.evidence().get("service").asText()).isEqualTo("checkout-service");
    }

    @Test
    void setRolloutCarriesTheRulesSplit() {
        Action.SetRollout backToZero = new Action.SetRollout(List.of(new Action.SetRollout.Share("on", 0),
                new Action.SetRollout.Share("off", 100)));

        SetRollout command = CommandFactory.setRollout(guard, incidentId, 1, backToZero, verdict);

        assertThat(command.split()).containsExactly(new SetRollout.Share("on", 0), new SetRollout.Share("off", 100));
        assertThat(command.commandId()).isEqualTo(CommandFactory.commandId(incidentId, 1));
        assertThat(command.flagKey()).isEqualTo("dark-mode");
    }

    @Test
    void commandsRoundTripThroughTheEnvelope() throws Exception {
        DisableFlag command = CommandFactory.disableFlag(guard, incidentId, 0, verdict);
        Envelope envelope = MessageCodec.decode(MessageCodec.encode(MessageCodec.wrap(MessageTypes.DISABLE_FLAG,
                "workflow-service", command)));

        DisableFlag decoded = MessageCodec.payload(envelope, DisableFlag.class);

        // compared as parsed JSON: numeric node types (int vs long) differ between a built and a parsed tree
        assertThat(parsed(decoded)).isEqualTo(parsed(command));
        assertThat(decoded.commandId()).isEqualTo(command.commandId());
    }

    private static JsonNode parsed(Object value) throws Exception {
        return MessageCodec.mapper().readTree(MessageCodec.mapper().writeValueAsBytes(value));
    }
}
