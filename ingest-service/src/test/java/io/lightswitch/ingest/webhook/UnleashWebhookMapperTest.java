package io.lightswitch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnleashWebhookMapperTest {

    private final UnleashWebhookMapper mapper = new UnleashWebhookMapper();

    @Test
    void aDisabledEnvironmentWithNullDataStillSaysTheFlagIsNowOff() {
        MappedWebhook mapped = mapper.map(
                WebhookFixtures.bytes("unleash/feature-environment-disabled-unleash-8.2.json"), "shop");

        assertThat(mapped.changes()).hasSize(1);
        FlagChanged changed = mapped.changes().get(0);
        assertThat(changed.project()).isEqualTo("shop");
        assertThat(changed.environment()).isEqualTo("development");
        assertThat(changed.flagKey()).isEqualTo("dark-mode");
        assertThat(changed.flagVersion()).isEqualTo(14);
        assertThat(changed.change()).isEqualTo("disabled");
        assertThat(changed.actor()).isEqualTo(new Actor(Actor.PROVIDER, "unleash", "admin"));
        assertThat(changed.before()).isNull();
        assertThat(changed.after().toString()).isEqualTo("{\"enabled\":false}");
        assertThat(changed.reason()).isEqualTo("admin disabled dark-mode in Unleash environment development (project default)");
        assertThat(mapped.occurredAt()).isEqualTo(Instant.parse("2026-11-24T12:18:13.357Z"));
    }

    @Test
    void anEnabledEnvironmentWithNullDataSaysTheFlagIsNowOn() {
        String body = new String(WebhookFixtures.bytes("unleash/feature-environment-disabled-unleash-8.2.json"),
                StandardCharsets.UTF_8).replace("feature-environment-disabled", "feature-environment-enabled");

        FlagChanged changed = mapper.map(body.getBytes(StandardCharsets.UTF_8), "shop").changes().get(0);

        assertThat(changed.change()).isEqualTo("enabled");
        assertThat(changed.after().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void aDuplicateDeliveryGetsTheSameDeliveryIdDerivedFromTheEventId() {
        byte[] body = WebhookFixtures.bytes("unleash/feature-environment-disabled-unleash-8.2.json");

        MappedWebhook first = mapper.map(body, "shop");
        MappedWebhook duplicate = mapper.map(body.clone(), "shop");

        assertThat(first.eventId()).isEqualTo("14");
        assertThat(duplicate.deliveryId(0)).isEqualTo(first.deliveryId(0));
        assertThat(first.deliveryId(0))
                .isEqualTo(UUID.nameUUIDFromBytes("unleash:14:0".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aStrategyUpdateCarriesPreDataAndDataAsBeforeAndAfter() {
        FlagChanged changed = mapper.map(WebhookFixtures.bytes("unleash/feature-strategy-update.json"), "shop")
                .changes().get(0);

        assertThat(changed.change()).isEqualTo("updated");
        assertThat(changed.environment()).isEqualTo("production");
        assertThat(changed.before().path("parameters").path("rollout").asText()).isEqualTo("10");
        assertThat(changed.after().path("parameters").path("rollout").asText()).isEqualTo("50");
        assertThat(changed.actor().name()).isEqualTo("maria@shop.example");
        assertThat(changed.reason()).startsWith("maria@shop.example updated a strategy of dark-mode");
    }

    @Test
    void anArchivedFlagIsDeletedEverywhere() {
        FlagChanged changed = mapper.map(WebhookFixtures.bytes("unleash/feature-archived.json"), "shop")
                .changes().get(0);

        assertThat(changed.change()).isEqualTo("deleted");
        assertThat(changed.environment()).isNull();
        assertThat(changed.after()).isNull();
        assertThat(changed.reason()).contains("archived summer-banner");
    }

    @Test
    void eventsThatDoNotChangeWhatUsersGetMapToNothing() {
        assertThat(mapper.map(WebhookFixtures.bytes("unleash/feature-tagged.json"), "shop").changes()).isEmpty();
        assertThat(map("{\"id\": 40, \"type\": \"change-request-created\", \"createdBy\": \"x\"}").changes()).isEmpty();
    }

    @Test
    void bodiesWithoutIdTypeOrFeatureNameAreRejected() {
        assertThatThrownBy(() -> map("{\"type\": \"feature-updated\", \"featureName\": \"x\"}"))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("missing id");
        assertThatThrownBy(() -> map("{\"id\": \"fourteen\", \"type\": \"feature-updated\"}"))
                .hasMessageContaining("id is not a number");
        assertThatThrownBy(() -> map("{\"id\": 1, \"featureName\": \"x\"}"))
                .hasMessageContaining("missing type");
        assertThatThrownBy(() -> map("{\"id\": 1, \"type\": \"feature-environment-enabled\", \"environment\": \"dev\"}"))
                .hasMessageContaining("missing featureName");
        assertThatThrownBy(() -> map("{\"id\": 1,"))
                .hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(((WebhookPayloadException) e).provider()).isEqualTo(WebhookProvider.UNLEASH));
    }

    private MappedWebhook map(String body) {
        return mapper.map(body.getBytes(StandardCharsets.UTF_8), "shop");
    }
}
