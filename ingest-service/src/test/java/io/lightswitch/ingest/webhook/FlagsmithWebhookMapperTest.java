package io.lightswitch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlagsmithWebhookMapperTest {

    private final FlagsmithWebhookMapper mapper = new FlagsmithWebhookMapper();

    @Test
    void turningAFlagOnBecomesAnEnabledChangeWithTheProviderAsActor() {
        MappedWebhook mapped = mapper.map(WebhookFixtures.bytes("flagsmith/flag-updated-enabled.json"), "shop");

        assertThat(mapped.changes()).hasSize(1);
        FlagChanged changed = mapped.changes().get(0);
        assertThat(changed.project()).isEqualTo("shop");
        assertThat(changed.environment()).isEqualTo("production");
        assertThat(changed.flagKey()).isEqualTo("dark-mode");
        assertThat(changed.change()).isEqualTo("enabled");
        assertThat(changed.actor()).isEqualTo(new Actor(Actor.PROVIDER, "flagsmith", "Priya Natarajan"));
        assertThat(changed.flagVersion()).isEqualTo(Instant.parse("2026-11-26T09:30:00.125Z").toEpochMilli());
        assertThat(changed.before().path("enabled").asBoolean()).isFalse();
        assertThat(changed.after().path("enabled").asBoolean()).isTrue();
        assertThat(changed.reason()).isEqualTo("Priya Natarajan turned dark-mode on in Flagsmith environment Production");
        assertThat(mapped.occurredAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00.125Z"));
    }

    @Test
    void aValueChangeInTheOlderPayloadShapeIsAnUpdateKeyedByEnvironmentId() {
        FlagChanged changed = mapper.map(
                WebhookFixtures.bytes("flagsmith/flag-updated-value-legacy-shape.json"), "shop").changes().get(0);

        assertThat(changed.change()).isEqualTo("updated");
        assertThat(changed.environment()).isEqualTo("23");
        assertThat(changed.flagKey()).isEqualTo("checkout_button_colour");
        assertThat(changed.before().path("feature_state_value").asText()).isEqualTo("blue");
        assertThat(changed.after().path("feature_state_value").asText()).isEqualTo("green");
        assertThat(changed.actor().name()).isEqualTo("ops@shop.example");
    }

    @Test
    void anIdentityOverrideIsStillAChangeAndTheReasonSaysSo() {
        FlagChanged changed = mapper.map(
                WebhookFixtures.bytes("flagsmith/flag-updated-identity-override.json"), "shop").changes().get(0);

        assertThat(changed.environment()).isEqualTo("staging-eu");
        assertThat(changed.change()).isEqualTo("enabled");
        assertThat(changed.reason()).endsWith("for identity user-1842 only (identity override)");
    }

    @Test
    void aFlagWithoutPreviousStateWasCreated() {
        FlagChanged changed = mapper.map(WebhookFixtures.bytes("flagsmith/flag-created.json"), "shop").changes().get(0);

        assertThat(changed.change()).isEqualTo("created");
        assertThat(changed.before()).isNull();
        assertThat(changed.after().path("feature").path("name").asText()).isEqualTo("one-page-checkout");
    }

    @Test
    void flagDeletedKeepsThePreviousStateAndHasNoAfter() {
        FlagChanged changed = mapper.map(WebhookFixtures.bytes("flagsmith/flag-deleted.json"), "shop").changes().get(0);

        assertThat(changed.change()).isEqualTo("deleted");
        assertThat(changed.flagKey()).isEqualTo("summer-banner");
        assertThat(changed.before().path("enabled").asBoolean()).isTrue();
        assertThat(changed.after()).isNull();
    }

    @Test
    void auditLogEventsMapToNothing() {
        MappedWebhook mapped = mapper.map(WebhookFixtures.bytes("flagsmith/audit-log-created.json"), "shop");

        assertThat(mapped.changes()).isEmpty();
    }

    @Test
    void aRedeliveredBodyGetsTheSameDeliveryIdAndADifferentBodyAnother() {
        byte[] body = WebhookFixtures.bytes("flagsmith/flag-updated-enabled.json");

        MappedWebhook first = mapper.map(body, "shop");
        MappedWebhook again = mapper.map(body.clone(), "shop");
        MappedWebhook other = mapper.map(WebhookFixtures.bytes("flagsmith/flag-deleted.json"), "shop");

        assertThat(again.deliveryId(0)).isEqualTo(first.deliveryId(0));
        assertThat(other.deliveryId(0)).isNotEqualTo(first.deliveryId(0));
    }

    @Test
    void malformedOrIncompleteBodiesAreRejectedWithAReason() {
        assertThatThrownBy(() -> mapper.map(utf8("{\"event_type\": \"FLAG_UPDATED\""), "shop"))
                .isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> mapper.map(utf8("[]"), "shop"))
                .isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> mapper.map(utf8("{\"data\": {}}"), "shop"))
                .hasMessageContaining("missing event_type");
        assertThatThrownBy(() -> mapper.map(utf8("{\"event_type\": \"FLAG_UPDATED\", \"data\": {\"timestamp\": "
                + "\"2026-11-26T09:30:00Z\", \"new_state\": null, \"previous_state\": null}}"), "shop"))
                .hasMessageContaining("neither new_state nor previous_state");
        assertThatThrownBy(() -> mapper.map(utf8("{\"event_type\": \"FLAG_UPDATED\", \"data\": {\"new_state\": "
                + "{\"enabled\": true, \"environment\": 1, \"feature\": {\"name\": \"x\"}}}}"), "shop"))
                .isInstanceOf(WebhookPayloadException.class)
                .hasMessageContaining("data.timestamp");
        assertThatThrownBy(() -> mapper.map(new byte[0], "shop"))
                .hasMessageContaining("empty body");
    }

    @Test
    void unknownEventTypesAreIgnoredNotErrors() {
        MappedWebhook mapped = mapper.map(utf8("{\"event_type\": \"SEGMENT_UPDATED\", \"data\": {}}"), "shop");

        assertThat(mapped.changes()).isEmpty();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
