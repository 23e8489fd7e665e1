package io.lightswitch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LaunchDarklyWebhookMapperTest {

    private final LaunchDarklyWebhookMapper mapper = new LaunchDarklyWebhookMapper();

    @Test
    void turningTargetingOffBecomesADisabledChangeWithVersionsAsBeforeAndAfter() {
        MappedWebhook mapped = mapper.map(WebhookFixtures.bytes("launchdarkly/flag-turned-off.json"), "shop");

        assertThat(mapped.changes()).hasSize(1);
        FlagChanged changed = mapped.changes().get(0);
        assertThat(changed.project()).isEqualTo("shop");
        assertThat(changed.environment()).isEqualTo("production");
        assertThat(changed.flagKey()).isEqualTo("dark-mode");
        assertThat(changed.change()).isEqualTo("disabled");
        assertThat(changed.actor()).isEqualTo(new Actor(Actor.PROVIDER, "launchdarkly", "ariel@shop.example"));
        assertThat(changed.before().path("environments").path("production").path("on").asBoolean()).isTrue();
        assertThat(changed.after().path("environments").path("production").path("on").asBoolean()).isFalse();
        assertThat(changed.reason()).isEqualTo("ariel@shop.example turned off dark-mode in LaunchDarkly environment "
                + "production (project default): error rate spiking on checkout");
    }

    @Test
    void theAuditDateIsTheFlagVersionSoOutOfOrderDeliveriesCanBeOrdered() {
        FlagChanged toggled = mapper.map(WebhookFixtures.bytes("launchdarkly/flag-turned-off.json"), "shop")
                .changes().get(0);
        FlagChanged laterRules = mapper.map(WebhookFixtures.bytes("launchdarkly/flag-rules-updated.json"), "shop")
                .changes().get(0);

        assertThat(toggled.flagVersion()).isEqualTo(1795685400125L);
        assertThat(laterRules.flagVersion()).isGreaterThan(toggled.flagVersion());
        assertThat(mapper.map(WebhookFixtures.bytes("launchdarkly/flag-turned-off.json"), "shop").occurredAt())
                .isEqualTo(Instant.ofEpochMilli(1795685400125L));
    }

    @Test
    void severalActionsOnOneFlagCollapseIntoOneUpdateByTheTokenThatMadeThem() {
        MappedWebhook mapped = mapper.map(WebhookFixtures.bytes("launchdarkly/flag-rules-updated.json"), "shop");

        assertThat(mapped.changes()).hasSize(1);
        FlagChanged changed = mapped.changes().get(0);
        assertThat(changed.change()).isEqualTo("updated");
        assertThat(changed.environment()).isEqualTo("staging");
        assertThat(changed.flagKey()).isEqualTo("new-search");
        assertThat(changed.actor().name()).isEqualTo("release-bot");
        assertThat(changed.before()).isNull();
        assertThat(changed.after()).isNull();
    }

    @Test
    void aCreatedFlagOnEveryEnvironmentHasNoEnvironmentAndAStringDateIsAccepted() {
        FlagChanged changed = mapper.map(WebhookFixtures.bytes("launchdarkly/flag-created.json"), "shop")
                .changes().get(0);

        assertThat(changed.change()).isEqualTo("created");
        assertThat(changed.environment()).isNull();
        assertThat(changed.flagKey()).isEqualTo("one-page-checkout");
        assertThat(changed.flagVersion()).isEqualTo(1795694000000L);
    }

    @Test
    void updateOnWithoutVersionsFallsBackToTheTitleVerb() {
        String body = "{\"_id\": \"a1\", \"date\": 1795685400000, \"kind\": \"flag\", \"name\": \"Dark mode\","
                + " \"accesses\": [{\"action\": \"updateOn\", \"resource\": \"proj/default:env/production:flag/dark-mode\"}],"
                + " \"member\": {\"firstName\": \"Ariel\", \"lastName\": \"Flores\"}, \"titleVerb\": \"turned on the flag\"}";

        FlagChanged changed = mapper.map(body.getBytes(StandardCharsets.UTF_8), "shop").changes().get(0);

        assertThat(changed.change()).isEqualTo("enabled");
        assertThat(changed.actor().name()).isEqualTo("Ariel Flores");
    }

    @Test
    void entriesAboutOtherKindsOfResourceMapToNothing() {
        MappedWebhook mapped = mapper.map(WebhookFixtures.bytes("launchdarkly/environment-renamed.json"), "shop");

        assertThat(mapped.changes()).isEmpty();
        assertThat(mapped.eventId()).isEqualTo("57c0a8e29969090743529965");
    }

    @Test
    void theDeliveryIdDerivesFromTheAuditEntryId() {
        MappedWebhook mapped = mapper.map(WebhookFixtures.bytes("launchdarkly/flag-turned-off.json"), "shop");

        assertThat(mapped.eventId()).isEqualTo("6745a1c2e4b0f81d2a9c3e70");
        assertThat(mapped.deliveryId(0))
                .isEqualTo(MappedWebhook.deliveryId(WebhookProvider.LAUNCHDARKLY, "6745a1c2e4b0f81d2a9c3e70", 0));
    }

    @Test
    void entriesWithoutIdDateKindOrFlagResourceAreRejected() {
        assertThatThrownBy(() -> map("{\"date\": 1, \"kind\": \"flag\", \"accesses\": []}"))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("missing _id");
        assertThatThrownBy(() -> map("{\"_id\": \"a\", \"kind\": \"flag\", \"accesses\": []}"))
                .hasMessageContaining("missing date");
        assertThatThrownBy(() -> map("{\"_id\": \"a\", \"date\": \"yesterday\", \"kind\": \"flag\"}"))
                .hasMessageContaining("date is not a timestamp");
        assertThatThrownBy(() -> map("{\"_id\": \"a\", \"date\": 1, \"kind\": \"flag\"}"))
                .hasMessageContaining("missing accesses");
        assertThatThrownBy(() -> map("{\"_id\": \"a\", \"date\": 1, \"kind\": \"flag\", \"accesses\": "
                + "[{\"action\": \"updateOn\", \"resource\": \"proj/default:env/production\"}]}"))
                .hasMessageContaining("no flag resource");
        assertThatThrownBy(() -> map("not json")).hasMessageContaining("not JSON");
    }

    @Test
    void resourceSpecifiersLoseTheirTagsAndWildcards() {
        assertThat(LaunchDarklyResource.parse("proj/default;mobile:env/production:flag/dark-mode;web"))
                .isEqualTo(new LaunchDarklyResource("default", "production", "dark-mode"));
        assertThat(LaunchDarklyResource.parse("proj/default:env/*:flag/dark-mode"))
                .isEqualTo(new LaunchDarklyResource("default", null, "dark-mode"));
        assertThat(LaunchDarklyResource.parse("proj/default:env/test"))
                .isEqualTo(new LaunchDarklyResource("default", "test", null));
    }

    private MappedWebhook map(String body) {
        return mapper.map(body.getBytes(StandardCharsets.UTF_8), "shop");
    }
}
