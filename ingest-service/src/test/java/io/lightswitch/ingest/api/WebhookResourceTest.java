package io.lightswitch.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestEventTap;
import io.lightswitch.ingest.support.IngestEventTap.Received;
import io.lightswitch.ingest.support.TestResources;
import io.lightswitch.ingest.webhook.SignatureVerifier;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provider webhooks, authenticated as each provider does, become FlagChanged events on the real broker. */
@QuarkusTest
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class WebhookResourceTest {

    /** The project and secrets configured for tests in application.properties. */
    static final String PROJECT = "webhook-shop";
    static final SignatureVerifier FLAGSMITH = new SignatureVerifier("test-flagsmith-secret");
    static final SignatureVerifier LAUNCHDARKLY = new SignatureVerifier("test-launchdarkly-secret");
    static final String UNLEASH_SECRET = "test-unleash-secret";

    private static FlagChanged flagChanged(Received message) {
        assertThat(message.routingKey()).isEqualTo(RoutingKeys.PROVIDER_FLAG_CHANGED);
        assertThat(message.envelope().type()).isEqualTo(MessageTypes.FLAG_CHANGED);
        assertThat(message.envelope().source()).isEqualTo("ingest-service");
        assertThat(message.messageId()).isEqualTo(message.envelope().id().toString());
        return MessageCodec.payload(message.envelope(), FlagChanged.class);
    }

    @Test
    void publishesASignedFlagsmithChange() throws Exception {
        byte[] body = TestResources.bytes("webhooks/flagsmith/flag-updated-enabled.json");
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("X-Flagsmith-Signature", FLAGSMITH.sign(body)).body(body)
                    .post("/webhooks/flagsmith")
                    .then().statusCode(202).body("changes", equalTo(1));

            FlagChanged changed = flagChanged(tap.awaitAll(PROJECT, 1).get(0));
            assertThat(changed.project()).isEqualTo(PROJECT);
            assertThat(changed.flagKey()).isEqualTo("dark-mode");
            assertThat(changed.environment()).isEqualTo("production");
            assertThat(changed.change()).isEqualTo("enabled");
            assertThat(changed.actor().kind()).isEqualTo(Actor.PROVIDER);
            assertThat(changed.actor().id()).isEqualTo("flagsmith");
            assertThat(changed.before().path("enabled").asBoolean()).isFalse();
            assertThat(changed.after().path("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void publishesASignedLaunchDarklyChange() throws Exception {
        byte[] body = TestResources.bytes("webhooks/launchdarkly/flag-turned-off.json");
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("X-LD-Signature", LAUNCHDARKLY.sign(body)).body(body)
                    .post("/webhooks/launchdarkly")
                    .then().statusCode(202).body("changes", equalTo(1));

            FlagChanged changed = flagChanged(tap.awaitAll(PROJECT, 1).get(0));
            assertThat(changed.flagKey()).isEqualTo("dark-mode");
            assertThat(changed.environment()).isEqualTo("production");
            assertThat(changed.change()).isEqualTo("disabled");
            assertThat(changed.actor()).isEqualTo(new Actor(Actor.PROVIDER, "launchdarkly", "ariel@shop.example"));
        }
    }

    @Test
    void publishesAnUnleashChangeWithTheRightAuthorization() throws Exception {
        byte[] body = TestResources.bytes("webhooks/unleash/feature-environment-disabled-unleash-8.2.json");
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("Authorization", UNLEASH_SECRET).body(body)
                    .post("/webhooks/unleash")
                    .then().statusCode(202).body("changes", equalTo(1));

            FlagChanged changed = flagChanged(tap.awaitAll(PROJECT, 1).get(0));
            assertThat(changed.flagKey()).isEqualTo("dark-mode");
            assertThat(changed.environment()).isEqualTo("development");
            assertThat(changed.change()).isEqualTo("disabled");
            assertThat(changed.actor().kind()).isEqualTo(Actor.PROVIDER);
            assertThat(changed.after().path("enabled").asBoolean()).isFalse();
        }
    }

    @Test
    void publishesTheSameUnleashDeliveryTwiceUnderOneEnvelopeId() throws Exception {
        byte[] body = TestResources.bytes("webhooks/unleash/feature-environment-disabled-unleash-8.2.json");
        try (IngestEventTap tap = new IngestEventTap()) {
            for (int delivery = 0; delivery < 2; delivery++) {
                given().contentType("application/json").header("Authorization", "Bearer " + UNLEASH_SECRET).body(body)
                        .post("/webhooks/unleash")
                        .then().statusCode(202);
            }

            List<Received> messages = tap.awaitAll(PROJECT, 2);
            assertThat(messages).hasSize(2);
            assertThat(messages.get(0).envelope().id()).isEqualTo(messages.get(1).envelope().id());
        }
    }

    @Test
    void acceptsAnEventThatChangesNoFlagWithZeroChanges() throws Exception {
        byte[] body = TestResources.bytes("webhooks/unleash/feature-tagged.json");
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("Authorization", UNLEASH_SECRET).body(body)
                    .post("/webhooks/unleash")
                    .then().statusCode(202).body("changes", equalTo(0));
            Thread.sleep(300);
            assertThat(tap.all(PROJECT)).isEmpty();
        }
    }

    @Test
    void rejectsAForgedSignature() {
        byte[] body = TestResources.bytes("webhooks/flagsmith/flag-updated-enabled.json");
        byte[] forged = new String(body, StandardCharsets.UTF_8).replace("true", "false").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Flagsmith-Signature", FLAGSMITH.sign(body)).body(forged)
                .post("/webhooks/flagsmith")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", equalTo("the X-Flagsmith-Signature signature does not match the body"));
        given().contentType("application/json").header("X-LD-Signature", FLAGSMITH.sign(body)).body(body)
                .post("/webhooks/launchdarkly")
                .then().statusCode(401).body("detail", equalTo("the X-LD-Signature signature does not match the body"));
    }

    @Test
    void rejectsAWebhookWithoutItsSignatureHeader() {
        byte[] body = TestResources.bytes("webhooks/launchdarkly/flag-turned-off.json");
        given().contentType("application/json").body(body).post("/webhooks/launchdarkly")
                .then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Unauthenticated"))
                .body("detail", equalTo("missing X-LD-Signature header"));
    }

    @Test
    void rejectsUnleashWithTheWrongAuthorization() {
        byte[] body = TestResources.bytes("webhooks/unleash/feature-strategy-update.json");
        given().contentType("application/json").header("Authorization", "Bearer not-the-secret").body(body)
                .post("/webhooks/unleash")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("the Authorization header does not match the configured secret"));
        given().contentType("application/json").body(body).post("/webhooks/unleash")
                .then().statusCode(401).body("detail", equalTo("missing Authorization header"));
    }

    @Test
    void rejectsMalformedJsonWithAValidSignatureAsBadRequest() {
        byte[] body = "{\"event_type\": \"FLAG_UPDATED\", \"data\": ".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Flagsmith-Signature", FLAGSMITH.sign(body)).body(body)
                .post("/webhooks/flagsmith")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/invalid-payload"))
                .body("status", equalTo(400))
                .body("detail", startsWith("flagsmith webhook: body is not JSON"));
        byte[] noType = "{\"data\": {}}".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Flagsmith-Signature", FLAGSMITH.sign(noType)).body(noType)
                .post("/webhooks/flagsmith")
                .then().statusCode(400).body("detail", equalTo("flagsmith webhook: missing event_type"));
    }
}
