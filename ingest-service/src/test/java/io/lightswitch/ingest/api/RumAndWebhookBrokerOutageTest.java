package io.lightswitch.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.ingest.support.BrokerOutageProfile;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.lightswitch.ingest.support.TestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While RabbitMQ is away, beacons and webhooks are refused as retryable, never accepted and lost. */
@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class RumAndWebhookBrokerOutageTest {

    @AfterEach
    void giveTheBrokerBack() {
        BrokerOutageProfile.PROXY.restore();
    }

    @Test
    void answersServiceUnavailableWithRetryAfterUntilTheBrokerIsBack() {
        // this profile's application may still be reconnecting after an earlier outage test: the key is
        // announced by an event, so its consumer must be back first
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        TestKey key = RumResourceTest.clientKey(null);
        byte[] beacon = TestResources.bytes("rum/beacon-minimal.json");
        byte[] webhook = TestResources.bytes("webhooks/unleash/feature-strategy-update.json");
        BrokerOutageProfile.PROXY.cut();

        Response refused = Awaitility.await().atMost(Duration.ofSeconds(15)).until(
                () -> given().contentType("text/plain").queryParam("key", key.secret()).body(beacon)
                        .post("/rum/v1/beacons"),
                response -> response.statusCode() == 503);
        refused.then().header("Retry-After", equalTo("5")).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/unavailable"))
                .body("status", equalTo(503));
        given().contentType("application/json").header("Authorization", WebhookResourceTest.UNLEASH_SECRET)
                .body(webhook).post("/webhooks/unleash")
                .then().statusCode(503).header("Retry-After", equalTo("5"))
                .body("type", equalTo("https://lightswitch.dev/problems/unavailable"));

        BrokerOutageProfile.PROXY.restore();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().contentType("application/json")
                        .header("Authorization", WebhookResourceTest.UNLEASH_SECRET).body(webhook)
                        .post("/webhooks/unleash").statusCode() == 202);
    }
}
