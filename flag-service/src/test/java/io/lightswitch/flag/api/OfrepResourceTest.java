package io.lightswitch.flag.api;

import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static io.lightswitch.flag.support.AdminApi.putState;
import static io.lightswitch.flag.support.AdminApi.setEnabled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.flag.support.AdminApi.TestProject;
import io.lightswitch.flag.support.FlagEventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfrepResourceTest {

    private static RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void switchedOffFlagServesItsOffVariant() {
        TestProject project = createProject("ofrep", "production");
        createBooleanFlag(project.key(), "dark-mode", false);

        withKey(project.secret("production", "server")).body(Map.of("context", Map.of("targetingKey", "u1")))
                .post("/ofrep/v1/evaluate/flags/dark-mode")
                .then().statusCode(200)
                .body("key", equalTo("dark-mode"))
                .body("value", equalTo(false))
                .body("variant", equalTo("off"))
                .body("reason", equalTo("DISABLED"))
                .body("metadata.flagVersion", equalTo(1));
    }

    @Test
    void enabledFlagWithoutRulesIsStaticAndTargetingRulesMatch() {
        TestProject project = createProject("ofrep", "production");
        createBooleanFlag(project.key(), "beta", false);
        setEnabled(project.key(), "beta", "production", true);
        String key = project.secret("production", "server");

        withKey(key).body(Map.of("context", Map.of("targetingKey", "u1")))
                .post("/ofrep/v1/evaluate/flags/beta")
                .then().statusCode(200).body("value", equalTo(true)).body("reason", equalTo("STATIC"));

        putState(project.key(), "beta", "production", Map.of(
                "rules", List.of(Map.of("id", "staff", "conditions", List.of(
                        Map.of("attribute", "email", "operator", "ends_with", "values", List.of("@corp.example"))),
                        "serve", Map.of("variant", "on"))),
                "defaultServe", Map.of("variant", "off")));

        withKey(key).body(Map.of("context", Map.of("targetingKey", "u2", "email", "ann@corp.example")))
                .post("/ofrep/v1/evaluate/flags/beta")
                .then().statusCode(200).body("value", equalTo(true)).body("reason", equalTo("TARGETING_MATCH"));
        withKey(key).body(Map.of("context", Map.of("targetingKey", "u3", "email", "bob@else.example")))
                .post("/ofrep/v1/evaluate/flags/beta")
                .then().statusCode(200).body("value", equalTo(false)).body("reason", equalTo("DEFAULT"));
    }

    @Test
    void splitRolloutBucketsByTargetingKeyAndNeedsOne() {
        TestProject project = createProject("ofrep", "production");
        createBooleanFlag(project.key(), "checkout", false);
        setEnabled(project.key(), "checkout", "production", true);
        putState(project.key(), "checkout", "production", Map.of("defaultServe", Map.of("split",
                List.of(Map.of("variant", "on", "weight", 50), Map.of("variant", "off", "weight", 50)))));
        String key = project.secret("production", "server");

        int on = 0;
        for (int i = 0; i < 200; i++) {
            Boolean value = withKey(key).body(Map.of("context", Map.of("targetingKey", "user-" + i)))
                    .post("/ofrep/v1/evaluate/flags/checkout")
                    .then().statusCode(200).body("reason", equalTo("SPLIT")).extract().path("value");
            on += value ? 1 : 0;
        }
        assertThat(on).isBetween(70, 130);

        withKey(key).body(Map.of("context", Map.of("country", "de")))
                .post("/ofrep/v1/evaluate/flags/checkout")
                .then().statusCode(400)
                .body("key", equalTo("checkout"))
                .body("errorCode", equalTo("TARGETING_KEY_MISSING"));
    }

    @Test
    void unknownFlagIsFlagNotFound() {
        TestProject project = createProject("ofrep", "production");

        withKey(project.secret("production", "server")).body("{}")
                .post("/ofrep/v1/evaluate/flags/nope")
                .then().statusCode(404)
                .body("key", equalTo("nope"))
                .body("errorCode", equalTo("FLAG_NOT_FOUND"))
                .body("errorDetails", notNullValue());
    }

    @Test
    void clientKeySeesOnlyClientVisibleFlags() {
        TestProject project = createProject("ofrep", "production");
        createBooleanFlag(project.key(), "public-banner", true);
        createBooleanFlag(project.key(), "server-only", false);
        String clientKey = project.secret("production", "client");

        withKey(clientKey).body("{}").post("/ofrep/v1/evaluate/flags/server-only").then().statusCode(404);
        withKey(clientKey).body("{}").post("/ofrep/v1/evaluate/flags/public-banner").then().statusCode(200);
        withKey(clientKey).body("{}").post("/ofrep/v1/evaluate/flags")
                .then().statusCode(200)
                .body("flags.key", hasItem("public-banner"))
                .body("flags.key", not(hasItem("server-only")));
    }

    @Test
    void badRequestsGetOfrepErrorsNeverServerErrors() {
        TestProject project = createProject("ofrep", "production");
        createBooleanFlag(project.key(), "f", false);
        String key = project.secret("production", "server");

        withKey(key).body("{\"context\": ").post("/ofrep/v1/evaluate/flags/f")
                .then().statusCode(400).body("errorCode", equalTo("PARSE_ERROR"));
        withKey(key).body("{\"context\": [1,2]}").post("/ofrep/v1/evaluate/flags/f")
                .then().statusCode(400).body("errorCode", equalTo("INVALID_CONTEXT"));
        withKey(key).body("{\"context\": {\"targetingKey\": 42}}").post("/ofrep/v1/evaluate/flags/f")
                .then().statusCode(400).body("errorCode", equalTo("INVALID_CONTEXT"));
        given().contentType(ContentType.JSON).body("{}").post("/ofrep/v1/evaluate/flags/f")
                .then().statusCode(401).body("status", equalTo(401));
        withKey(project.secret("production", "ingest")).body("{}").post("/ofrep/v1/evaluate/flags/f")
                .then().statusCode(403).body("detail", equalTo(
                        "a ingest credential cannot evaluate flags; use a server or client key"));
        given().header("X-API-Key", key).contentType(ContentType.XML).body("<context/>")
                .post("/ofrep/v1/evaluate/flags/f").then().statusCode(415);
    }

    @Test
    void bulkEvaluationAnswers304WhileNothingChanged() {
        TestProject project = createProject("ofrep", "production");
        createBooleanFlag(project.key(), "a", true);
        String key = project.secret("production", "client");
        String body = "{\"context\": {\"targetingKey\": \"u1\"}}";

        String etag = withKey(key).body(body).post("/ofrep/v1/evaluate/flags")
                .then().statusCode(200).header("ETag", notNullValue())
                .body("flags[0].key", equalTo("a")).body("flags[0].value", equalTo(false))
                .extract().header("ETag");

        withKey(key).header("If-None-Match", etag).body(body).post("/ofrep/v1/evaluate/flags")
                .then().statusCode(304);

        setEnabled(project.key(), "a", "production", true);
        withKey(key).header("If-None-Match", etag).body(body).post("/ofrep/v1/evaluate/flags")
                .then().statusCode(200).header("ETag", not(equalTo(etag))).body("flags[0].value", equalTo(true));
    }

    @Test
    void firstSightingsArePublishedOnceAsFlagExposed() throws Exception {
        TestProject project = createProject("ofrep", "production");
        createBooleanFlag(project.key(), "exposed", false);
        String key = project.secret("production", "server");

        try (FlagEventTap tap = FlagEventTap.flagEvents()) {
            for (int i = 0; i < 3; i++) {
                withKey(key).body(Map.of("context", Map.of("targetingKey", "seen-twice")))
                        .post("/ofrep/v1/evaluate/flags/exposed").then().statusCode(200);
            }
            var received = tap.await(r -> r.envelope().type().equals(MessageTypes.FLAG_EXPOSED)
                    && MessageCodec.payload(r.envelope(), FlagExposed.class).project().equals(project.key()));
            FlagExposed exposed = MessageCodec.payload(received.envelope(), FlagExposed.class);

            assertThat(received.routingKey()).isEqualTo("flag.exposed");
            assertThat(exposed.environment()).isEqualTo("production");
            assertThat(exposed.exposures()).singleElement().satisfies(e -> {
                assertThat(e.flagKey()).isEqualTo("exposed");
                assertThat(e.variant()).isEqualTo("off");
                assertThat(e.contextId()).isEqualTo("seen-twice");
                assertThat(e.firstSeen()).isNotNull();
            });
        }
    }
}
