package io.lightswitch.flag.api;

import static io.lightswitch.flag.support.AdminApi.admin;
import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.flag.support.AdminApi.TestProject;
import io.lightswitch.flag.support.FlagEventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FlagResourceTest {

    @Test
    void newFlagStartsSwitchedOffInEveryEnvironment() {
        TestProject project = createProject("flags", "staging", "production");

        admin().body(Map.of("key", "dark-mode", "name", "Dark mode", "type", "boolean", "tags", List.of("ui")))
                .post("/api/v1/projects/{p}/flags", project.key())
                .then().statusCode(201)
                .header("Location", containsString("/flags/dark-mode"))
                .body("variants.on", equalTo(true))
                .body("variants.off", equalTo(false))
                .body("environments", hasSize(2))
                .body("environments.enabled", hasItems(false, false))
                .body("environments.offVariant", hasItems("off"))
                .body("environments.defaultServe.variant", hasItems("on"))
                .body("environments.version", hasItems(1, 1));
    }

    @Test
    void invalidFlagNamesEveryBadField() {
        TestProject project = createProject("flags", "production");

        admin().body(Map.of("key", "Bad Key!", "name", "", "type", "string",
                        "variants", Map.of("blue", 3, "green", "#0f0")))
                .post("/api/v1/projects/{p}/flags", project.key())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("key", "name", "variants.blue"));
    }

    @Test
    void duplicateFlagKeyIsAConflict() {
        TestProject project = createProject("flags", "production");
        createBooleanFlag(project.key(), "checkout-v2", false);

        admin().body(Map.of("key", "checkout-v2", "name", "again", "type", "boolean"))
                .post("/api/v1/projects/{p}/flags", project.key())
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already exists"));
    }

    @Test
    void unknownProjectIsNotFound() {
        admin().get("/api/v1/projects/{p}/flags/{f}", "no-such-project", "x")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", startsWith("https://"))
                .body("detail", containsString("no-such-project"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        TestProject project = createProject("flags", "production");

        given().header("Authorization", "Bearer dev-admin-token").contentType(ContentType.XML)
                .body("<flag/>")
                .post("/api/v1/projects/{p}/flags", project.key())
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void malformedJsonAndUnknownFieldsAreRejectedWithTheirReason() {
        TestProject project = createProject("flags", "production");

        admin().body("{\"key\": \"x\", ").post("/api/v1/projects/{p}/flags", project.key())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        admin().body(Map.of("key", "x", "name", "x", "type", "boolean", "colour", "red"))
                .post("/api/v1/projects/{p}/flags", project.key())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].reason", containsString("not a known field"));
    }

    @Test
    void oversizeBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"key\":\"x\",\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        admin().body(huge).post("/api/v1/projects").then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Payload too large"))
                .body("detail", containsString("limit"));
    }

    @Test
    void requestsWithoutAnAdminTokenAreRefused() {
        TestProject project = createProject("flags", "production");

        given().get("/api/v1/projects").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("title", equalTo("Unauthenticated"));
        given().header("Authorization", "Bearer nope").get("/api/v1/projects").then().statusCode(401);
        given().header("Authorization", "Bearer " + project.secret("production", "server"))
                .get("/api/v1/projects").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("server key cannot use the admin API"));
    }

    @Test
    void viewerTokenMayReadButNotWrite() {
        String viewer = admin().body(Map.of("name", "dashboards", "role", "viewer"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("secret");

        given().header("Authorization", "Bearer " + viewer).get("/api/v1/projects").then().statusCode(200);
        given().header("Authorization", "Bearer " + viewer).contentType(ContentType.JSON)
                .body(Map.of("key", "nope", "name", "nope"))
                .post("/api/v1/projects").then().statusCode(403)
                .body("detail", containsString("may only read"));
    }

    @Test
    void staleExpectedVersionIsAConflict() {
        TestProject project = createProject("flags", "production");
        createBooleanFlag(project.key(), "search", false);

        admin().body(Map.of("enabled", true, "expectedVersion", 7))
                .put("/api/v1/projects/{p}/flags/{f}/environments/{e}", project.key(), "search", "production")
                .then().statusCode(409)
                .body("detail", containsString("version 1"));
    }

    @Test
    void ruleServingAnUnknownVariantNamesTheField() {
        TestProject project = createProject("flags", "production");
        createBooleanFlag(project.key(), "banner", false);

        admin().body(Map.of("rules", List.of(Map.of("id", "r1", "serve", Map.of("variant", "purple")))))
                .put("/api/v1/projects/{p}/flags/{f}/environments/{e}", project.key(), "banner", "production")
                .then().statusCode(400)
                .body("errors.field", hasItems("rules[0].serve.variant"));
    }

    @Test
    void killSwitchPublishesFlagChangedWithActorBeforeAndAfter() throws Exception {
        TestProject project = createProject("flags", "production");
        createBooleanFlag(project.key(), "new-nav", false);

        try (FlagEventTap tap = FlagEventTap.flagEvents()) {
            admin().header("X-Change-Reason", "launch").body(Map.of("enabled", true, "reason", "launch day"))
                    .put("/api/v1/projects/{p}/flags/{f}/environments/{e}/enabled", project.key(), "new-nav",
                            "production")
                    .then().statusCode(200).body("enabled", equalTo(true)).body("version", equalTo(2));

            var received = tap.await(r -> r.envelope().type().equals(MessageTypes.FLAG_CHANGED)
                    && MessageCodec.payload(r.envelope(), FlagChanged.class).project().equals(project.key())
                    && MessageCodec.payload(r.envelope(), FlagChanged.class).change().equals("enabled"));
            FlagChanged changed = MessageCodec.payload(received.envelope(), FlagChanged.class);

            assertThat(received.routingKey()).isEqualTo("flag.changed");
            assertThat(received.envelope().source()).isEqualTo("flag-service");
            assertThat(changed.flagKey()).isEqualTo("new-nav");
            assertThat(changed.environment()).isEqualTo("production");
            assertThat(changed.flagVersion()).isEqualTo(2);
            assertThat(changed.actor().kind()).isEqualTo("user");
            assertThat(changed.actor().id()).isEqualTo("bootstrap");
            assertThat(changed.reason()).isEqualTo("launch day");
            assertThat(changed.before().path("enabled").asBoolean()).isFalse();
            assertThat(changed.after().path("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void auditLogAnswersWhoChangedWhatAndWhen() {
        TestProject project = createProject("flags", "production");
        createBooleanFlag(project.key(), "pricing", false);
        admin().body(Map.of("split", List.of(Map.of("variant", "on", "weight", 10), Map.of("variant", "off", "weight", 90)),
                        "reason", "10% rollout"))
                .put("/api/v1/projects/{p}/flags/{f}/environments/{e}/rollout", project.key(), "pricing", "production")
                .then().statusCode(200).body("defaultServe.split[0].weight", equalTo(10.0f));

        admin().queryParam("flag", "pricing").queryParam("actor", "bootstrap")
                .get("/api/v1/projects/{p}/audit", project.key())
                .then().statusCode(200)
                .body("action", hasItems("rollout", "created"))
                .body("[0].action", equalTo("rollout"))
                .body("[0].environment", equalTo("production"))
                .body("[0].actor.kind", equalTo("user"))
                .body("[0].reason", equalTo("10% rollout"))
                .body("[0].before.defaultServe.variant", equalTo("on"))
                .body("[0].after.defaultServe.split[0].weight", equalTo(10.0f));

        admin().queryParam("flag", "pricing").queryParam("from", "2999-01-01T00:00:00Z")
                .get("/api/v1/projects/{p}/audit", project.key())
                .then().statusCode(200).body("$", hasSize(0));
        admin().queryParam("from", "yesterday").get("/api/v1/projects/{p}/audit", project.key())
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void rotatingAKeyRevokesTheOldOne() {
        TestProject project = createProject("flags", "production");
        String oldKey = project.secret("production", "server");
        createBooleanFlag(project.key(), "x", false);
        given().header("Authorization", "Bearer " + oldKey).contentType(ContentType.JSON).body("{}")
                .post("/ofrep/v1/evaluate/flags/x").then().statusCode(200);

        String newKey = admin().post("/api/v1/projects/{p}/environments/{e}/keys/server/rotate", project.key(),
                "production").then().statusCode(201).extract().path("secret");

        given().header("Authorization", "Bearer " + oldKey).contentType(ContentType.JSON).body("{}")
                .post("/ofrep/v1/evaluate/flags/x").then().statusCode(401);
        given().header("X-API-Key", newKey).contentType(ContentType.JSON).body("{}")
                .post("/ofrep/v1/evaluate/flags/x").then().statusCode(200);
    }
}
