package io.lightswitch.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.TestResources;
import io.lightswitch.ingest.support.UnconfiguredWebhooksProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** An integration without a secret accepts nothing, signed or not. */
@QuarkusTest
@TestProfile(UnconfiguredWebhooksProfile.class)
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class UnconfiguredWebhookResourceTest {

    @Test
    void answersNotFoundForAnIntegrationWithoutASecret() {
        byte[] body = TestResources.bytes("webhooks/flagsmith/flag-updated-enabled.json");
        given().contentType("application/json").header("X-Flagsmith-Signature", WebhookResourceTest.FLAGSMITH.sign(body))
                .body(body).post("/webhooks/flagsmith")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/not-configured"))
                .body("title", equalTo("Integration not configured"))
                .body("status", equalTo(404))
                .body("detail", equalTo("the flagsmith integration is not configured"));
    }
}
