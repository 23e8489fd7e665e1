package io.lightswitch.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.CredentialIssued;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestEventTap;
import io.lightswitch.ingest.support.IngestEventTap.Received;
import io.lightswitch.ingest.support.IngestKeys;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.lightswitch.ingest.support.TestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Browsers' beacons: client key, CORS, partial acceptance, and a problem+json for each refusal. */
@QuarkusTest
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class RumResourceTest {

    private static final String PATH = "/rum/v1/beacons";
    /** Configured in application.properties for project rum-origins, environment production. */
    private static final String SHOP = "https://www.shop.example";

    static TestKey clientKey(String project) {
        TestKey key = project == null ? IngestKeys.issue(CredentialIssued.CLIENT, "production")
                : IngestKeys.issue(CredentialIssued.CLIENT, project, "production");
        // an empty beacon is refused as 400 once the key is known, and publishes nothing
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                given().contentType("application/json").queryParam("key", key.secret()).body("{}").post(PATH)
                        .statusCode() == 400);
        return key;
    }

    @Test
    void acceptsATextPlainBeaconWithTheKeyInTheQueryAndPublishesARumBatch() throws Exception {
        TestKey key = clientKey(null);
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("text/plain;charset=UTF-8").queryParam("key", key.secret())
                    .body(TestResources.bytes("rum/beacon-full.json")).post(PATH)
                    .then().statusCode(202).contentType("application/json")
                    .body("accepted", equalTo(5)).body("rejected", equalTo(0));

            Received message = tap.awaitAll(key.project(), 1).get(0);
            assertThat(message.routingKey()).isEqualTo(RoutingKeys.RUM_BATCH);
            assertThat(message.envelope().type()).isEqualTo(MessageTypes.RUM_BATCH);
            assertThat(message.envelope().source()).isEqualTo("ingest-service");
            assertThat(message.persistent()).isTrue();
            assertThat(message.messageId()).isEqualTo(message.envelope().id().toString());
            RumBatch batch = MessageCodec.payload(message.envelope(), RumBatch.class);
            assertThat(batch.project()).isEqualTo(key.project());
            assertThat(batch.environment()).isEqualTo("production");
            assertThat(batch.sessionId()).isEqualTo("s-5f0c9a7e-2b1d-4c3e-8f6a-0d9e8c7b6a51");
            assertThat(batch.userId()).isEqualTo("user-1842");
            assertThat(batch.pageUrl()).isEqualTo("https://www.shop.example/checkout?step=2");
            assertThat(batch.flags()).containsEntry("dark-mode", "on").containsEntry("one-page-checkout", "off");
            assertThat(batch.events()).hasSize(5);
        }
    }

    @Test
    void acceptsAJsonBeaconWithTheKeyHeaderAndEchoesTheAllowedOrigin() throws Exception {
        TestKey key = clientKey("rum-origins");
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("x-lightswitch-key", key.secret()).header("Origin", SHOP)
                    .body(TestResources.bytes("rum/beacon-minimal.json")).post(PATH)
                    .then().statusCode(202)
                    .header("Access-Control-Allow-Origin", SHOP)
                    .header("Access-Control-Allow-Credentials", "true")
                    .header("Vary", "Origin")
                    .body("accepted", equalTo(1));

            RumBatch batch = MessageCodec.payload(tap.awaitAll("rum-origins", 1).get(0).envelope(), RumBatch.class);
            assertThat(batch.sessionId()).isEqualTo("s-minimal");
            assertThat(batch.environment()).isEqualTo("production");
        }
    }

    @Test
    void acceptsTheKeyAsBearerFromAWildcardSubdomain() {
        TestKey key = clientKey("rum-origins");
        given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                .header("Origin", "https://eu.shop.example")
                .body(TestResources.bytes("rum/beacon-minimal.json")).post(PATH)
                .then().statusCode(202).header("Access-Control-Allow-Origin", "https://eu.shop.example");
    }

    @Test
    void refusesAMissingOrUnknownKeyAsUnauthenticated() {
        given().contentType("text/plain").body(TestResources.bytes("rum/beacon-minimal.json")).post(PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/unauthenticated"))
                .body("title", equalTo("Unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", containsString("?key=<key>"));
        given().contentType("text/plain").queryParam("key", "lsk_client_made_up")
                .body(TestResources.bytes("rum/beacon-minimal.json")).post(PATH)
                .then().statusCode(401).body("detail", equalTo("the key is not an active client key"));
    }

    @Test
    void refusesAnIngestKeyAsForbidden() {
        TestKey ingestKey = IngestKeys.issue("production");
        OtlpExportersTest.awaitKeyAccepted(ingestKey);

        given().contentType("text/plain").queryParam("key", ingestKey.secret())
                .body(TestResources.bytes("rum/beacon-minimal.json")).post(PATH)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/forbidden"))
                .body("status", equalTo(403))
                .body("detail", containsString("client key"));
    }

    @Test
    void aClientKeyCannotSendOtlp() {
        TestKey key = clientKey(null);
        given().contentType("application/x-protobuf").header("Authorization", "Bearer " + key.secret())
                .body(new byte[0]).post("/v1/traces")
                .then().statusCode(401);
    }

    @Test
    void refusesAnOriginTheEnvironmentDoesNotAllow() throws Exception {
        TestKey key = clientKey("rum-origins");
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("text/plain").queryParam("key", key.secret()).header("Origin", "https://evil.example")
                    .body(TestResources.bytes("rum/beacon-minimal.json")).post(PATH)
                    .then().statusCode(403).contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", nullValue())
                    .body("type", equalTo("https://lightswitch.dev/problems/forbidden"))
                    .body("title", equalTo("Forbidden"))
                    .body("detail", equalTo("origin https://evil.example is not allowed to send beacons to this environment"));
            given().contentType("text/plain").queryParam("key", key.secret()).header("Origin", "https://shop.example")
                    .body(TestResources.bytes("rum/beacon-minimal.json")).post(PATH)
                    .then().statusCode(403);
            Thread.sleep(300);
            assertThat(tap.all("rum-origins")).isEmpty();
        }
    }

    @Test
    void answersAPreflightFromAnAllowedOriginWithTheCorsHeaders() {
        TestKey key = clientKey("rum-origins");
        given().header("Origin", SHOP).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-lightswitch-key")
                .queryParam("key", key.secret()).options(PATH)
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", "content-type, x-lightswitch-key, authorization")
                .header("Access-Control-Max-Age", "7200")
                .header("Vary", "Origin");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .queryParam("key", key.secret()).options(PATH)
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("https://lightswitch.dev/problems/forbidden"));
    }

    @Test
    void acceptsAPartlyInvalidBeaconAndCountsTheRejectedEvents() throws Exception {
        TestKey key = clientKey(null);
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("text/plain").queryParam("key", key.secret())
                    .body(TestResources.bytes("rum/beacon-partly-invalid.json")).post(PATH)
                    .then().statusCode(202)
                    .body("accepted", equalTo(2))
                    .body("rejected", equalTo(7))
                    .body("errors.field", hasItem("events[1].lcp"))
                    .body("errors.field", hasItem("flags.broken"));

            RumBatch batch = MessageCodec.payload(tap.awaitAll(key.project(), 1).get(0).envelope(), RumBatch.class);
            assertThat(batch.events()).hasSize(2);
            assertThat(batch.flags()).containsEntry("dark-mode", "on").containsEntry("beta-search", "true")
                    .doesNotContainKey("broken");
        }
    }

    @Test
    void refusesABeaconWithoutSessionIdNamingTheField() {
        TestKey key = clientKey(null);
        given().contentType("application/json").queryParam("key", key.secret())
                .body("{\"v\":1,\"page\":{\"url\":\"https://www.shop.example/\"},\"events\":[]}").post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/invalid-beacon"))
                .body("status", equalTo(400))
                .body("detail", containsString("sessionId"))
                .body("errors.field", equalTo(List.of("sessionId")))
                .body("errors[0].reason", equalTo("required"));
    }

    @Test
    void refusesABeaconOverTheSizeLimit() {
        TestKey key = clientKey(null);
        byte[] body = new byte[512 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        given().contentType("text/plain").queryParam("key", key.secret()).body(body).post(PATH)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/payload-too-large"))
                .body("detail", equalTo("the beacon is larger than 524288 bytes"));
    }

    @Test
    void refusesOtherContentTypes() {
        TestKey key = clientKey(null);
        given().contentType("application/xml").queryParam("key", key.secret())
                .body("<beacon/>").post(PATH)
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/unsupported-media-type"))
                .body("detail", containsString("send application/json or text/plain"));
    }
}
