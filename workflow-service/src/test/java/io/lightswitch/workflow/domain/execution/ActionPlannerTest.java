package io.lightswitch.workflow.domain.execution;

import static io.lightswitch.workflow.domain.Samples.degradedVerdict;
import static io.lightswitch.workflow.domain.Samples.flagChangeRule;
import static io.lightswitch.workflow.domain.Samples.flagChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.workflow.domain.command.CommandFactory;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import io.lightswitch.workflow.domain.webhook.WebhookSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionPlannerTest {

    private static final UUID INCIDENT = UUID.fromString("d930b74e-a10a-3fd8-8de6-92a49bc40b34");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:41:11Z"), ZoneOffset.UTC);
    private static final Action.CallWebhook CHAT = Action.CallWebhook
            .post("https://chat.example.com/hook", "{\"text\": \"{{verdict.sentence}}\"}")
            .signedWith("s3cret").withHeaders(Map.of("Authorization", "Bearer t"));

    private static Rule guardWith(boolean dryRun, Action... actions) {
        Rule guard = DefaultGuardRule.forEnvironment("shop", "production");
        return new Rule(guard.id(), guard.name(), guard.scope(), guard.trigger(), guard.metric(), guard.condition(),
                guard.minSamples(), guard.cooldown(), true, dryRun, List.of(actions));
    }

    private static List<PlannedAction> plan(Rule rule) {
        ImpactVerdict verdict = degradedVerdict();
        return ActionPlanner.forIncident(rule, INCIDENT, verdict, verdict.assessedAt(), CLOCK);
    }

    @Test
    void aCommandCarriesItsIdAsEnvelopeIdAndGoesOutOnItsRoutingKey() {
        PlannedAction.Command command = (PlannedAction.Command) plan(guardWith(false, new Action.DisableFlag())).get(0);

        Envelope envelope = MessageCodec.decode(command.envelope());
        assertThat(command.commandId()).isEqualTo(CommandFactory.commandId(INCIDENT.toString(), 0));
        assertThat(envelope.id()).isEqualTo(command.commandId());
        assertThat(envelope.type()).isEqualTo(MessageTypes.DISABLE_FLAG);
        assertThat(envelope.occurredAt()).isEqualTo(CLOCK.instant());
        assertThat(command.routingKey()).isEqualTo(RoutingKeys.FLAG_DISABLE);
        assertThat(command.payload().path("incidentId").asText()).isEqualTo(INCIDENT.toString());
    }

    @Test
    void aWebhookIsRenderedAndSignedOnceWithAStableDeliveryId() {
        PlannedAction.Webhook webhook = (PlannedAction.Webhook) plan(guardWith(false, CHAT)).get(0);
        WebhookRequest request = webhook.request();

        assertThat(request.body()).contains(degradedVerdict().sentence());
        assertThat(request.headers()).containsEntry("X-Lightswitch-Signature",
                WebhookSigner.signatureHeaderValue("s3cret", request.body()));
        assertThat(request.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("Authorization", "Bearer t")
                .containsEntry(ActionPlanner.INCIDENT_HEADER, INCIDENT.toString())
                .containsEntry(ActionPlanner.DELIVERY_HEADER, ActionPlanner.deliveryId(INCIDENT, 0).toString());
        assertThat(((PlannedAction.Webhook) plan(guardWith(false, CHAT)).get(0)).request()).isEqualTo(request);
    }

    @Test
    void whatAnIncidentShowsOfAWebhookHasNoHeaderValues() {
        PlannedAction.Webhook webhook = (PlannedAction.Webhook) plan(guardWith(false, CHAT)).get(0);

        assertThat(webhook.payload().toString()).doesNotContain("Bearer t").doesNotContain("sha256=");
        assertThat(webhook.payload().path("headers").toString()).contains("Authorization");
    }

    @Test
    void aDryRunKeepsWhatWouldBeSentAndSendsNothing() {
        List<PlannedAction> planned = plan(guardWith(true, new Action.DisableFlag(), CHAT));

        assertThat(planned).allMatch(action -> action instanceof PlannedAction.DryRun);
        assertThat(planned.get(0).payload().path("flagKey").asText()).isEqualTo("dark-mode");
        assertThat(planned.get(1).payload().path("body").asText()).contains("errors up");
    }

    @Test
    void aTemplateThatFailsAtRunTimeMakesTheActionUnrunnableNotTheIncident() {
        Action.CallWebhook broken = Action.CallWebhook.post("https://x.example.com", "{\"a\": \"{{nope.nope}}\"}");

        List<PlannedAction> planned = plan(guardWith(false, new Action.DisableFlag(), broken));

        assertThat(planned.get(0)).isInstanceOf(PlannedAction.Command.class);
        assertThat(planned.get(1)).isInstanceOf(PlannedAction.Unrunnable.class);
        assertThat(((PlannedAction.Unrunnable) planned.get(1)).reason()).contains("nope");
    }

    @Test
    void aFlagChangeRuleOnlyCallsWebhooks() {
        Rule rule = flagChangeRule("c", new Scope("shop", "production", FlagSelector.all()),
                Action.CallWebhook.post("https://x.example.com", "{\"flag\": \"{{change.flagKey}}\"}"));
        Rule withCommand = new Rule(rule.id(), rule.name(), rule.scope(), rule.trigger(), null, null, 0,
                rule.cooldown(), true, false, List.of(rule.actions().get(0), new Action.DisableFlag()));

        List<PlannedAction> planned = ActionPlanner.forFlagChange(withCommand, INCIDENT, flagChanged(),
                Instant.parse("2026-11-26T09:30:00.125Z"), CLOCK);

        assertThat(((PlannedAction.Webhook) planned.get(0)).request().body()).isEqualTo("{\"flag\": \"dark-mode\"}");
        assertThat(planned.get(1)).isInstanceOf(PlannedAction.Unrunnable.class);
    }
}
