package io.lightswitch.flag.api;

import static io.lightswitch.flag.support.AdminApi.admin;
import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static io.lightswitch.flag.support.AdminApi.putState;
import static io.lightswitch.flag.support.AdminApi.setEnabled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.SegmentChanged;
import io.lightswitch.flag.support.AdminApi.TestProject;
import io.lightswitch.flag.support.FlagEventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SegmentResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createsReadsListsUpdatesAndDeletesASegment() {
        TestProject project = createProject("seg", "production");

        admin().body(staff("ends_with", "@corp.example"))
                .post("/api/v1/projects/{p}/segments", project.key())
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/projects/" + project.key() + "/segments/staff"))
                .body("key", equalTo("staff"))
                .body("name", equalTo("Staff"))
                .body("match", equalTo("any"))
                .body("conditions[0].attribute", equalTo("email"))
                .body("conditions[0].operator", equalTo("ends_with"))
                .body("conditions[0].values", equalTo(List.of("@corp.example")))
                .body("createdAt", notNullValue());

        admin().get("/api/v1/projects/{p}/segments/{s}", project.key(), "staff")
                .then().statusCode(200).body("description", equalTo("Employees"));
        admin().get("/api/v1/projects/{p}/segments", project.key())
                .then().statusCode(200).body("key", equalTo(List.of("staff")));

        admin().body(Map.of("name", "Staff and contractors", "match", "all", "conditions", List.of(
                        condition("email", "contains", "@corp."))))
                .put("/api/v1/projects/{p}/segments/{s}", project.key(), "staff")
                .then().statusCode(200)
                .body("name", equalTo("Staff and contractors"))
                .body("description", equalTo(null))
                .body("match", equalTo("all"))
                .body("conditions[0].operator", equalTo("contains"));

        admin().delete("/api/v1/projects/{p}/segments/{s}", project.key(), "staff").then().statusCode(204);
        admin().get("/api/v1/projects/{p}/segments/{s}", project.key(), "staff")
                .then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Not found"))
                .body("detail", containsString("staff"));
    }

    @Test
    void everySegmentChangeIsPublishedAsSegmentChanged() throws Exception {
        TestProject project = createProject("seg", "production");

        try (FlagEventTap tap = FlagEventTap.flagEvents()) {
            admin().body(staff("ends_with", "@corp.example"))
                    .post("/api/v1/projects/{p}/segments", project.key()).then().statusCode(201);
            admin().delete("/api/v1/projects/{p}/segments/{s}", project.key(), "staff").then().statusCode(204);

            var deleted = tap.await(r -> r.envelope().type().equals(MessageTypes.SEGMENT_CHANGED)
                    && segmentChanged(r).project().equals(project.key()) && segmentChanged(r).change().equals("deleted"));
            assertThat(deleted.routingKey()).isEqualTo("segment.changed");
            assertThat(segmentChanged(deleted).segmentKey()).isEqualTo("staff");
            assertThat(segmentChanged(deleted).actor().kind()).isEqualTo("user");
            assertThat(tap.matching(r -> r.envelope().type().equals(MessageTypes.SEGMENT_CHANGED)
                    && segmentChanged(r).project().equals(project.key())))
                    .extracting(r -> segmentChanged(r).change()).containsExactly("created", "deleted");
        }
    }

    @Test
    void aRuleUsingASegmentServesItsVariantToMatchingUsersOnly() {
        TestProject project = flagTargetingStaff();
        String secret = project.secret("production", "server");

        evaluate(secret, "a@corp.example").then().statusCode(200)
                .body("key", equalTo("dark-mode"))
                .body("value", equalTo(true))
                .body("variant", equalTo("on"))
                .body("reason", equalTo("TARGETING_MATCH"))
                .body("metadata.flagVersion", notNullValue());
        evaluate(secret, "b@other.example").then().statusCode(200)
                .body("value", equalTo(false))
                .body("variant", equalTo("off"))
                .body("reason", equalTo("DEFAULT"));
    }

    @Test
    void updatingASegmentChangesHowItsFlagsEvaluate() {
        TestProject project = flagTargetingStaff();
        String secret = project.secret("production", "server");

        admin().body(staff("ends_with", "@other.example"))
                .put("/api/v1/projects/{p}/segments/{s}", project.key(), "staff")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            evaluate(secret, "a@corp.example").then().body("reason", equalTo("DEFAULT")).body("value", equalTo(false));
            evaluate(secret, "b@other.example").then().body("reason", equalTo("TARGETING_MATCH"))
                    .body("value", equalTo(true));
        });
    }

    @Test
    void deletingASegmentInUseIsAConflict() {
        TestProject project = flagTargetingStaff();

        admin().delete("/api/v1/projects/{p}/segments/{s}", project.key(), "staff")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://lightswitch.dev/problems/conflict"))
                .body("title", equalTo("Conflict"))
                .body("status", equalTo(409))
                .body("detail", containsString("flag 'dark-mode'"));

        admin().get("/api/v1/projects/{p}/segments/{s}", project.key(), "staff").then().statusCode(200);
    }

    @Test
    void aSegmentIsFreeToDeleteOnceNoRuleUsesIt() {
        TestProject project = flagTargetingStaff();
        putState(project.key(), "dark-mode", "production", Map.of("rules", List.of()));

        admin().delete("/api/v1/projects/{p}/segments/{s}", project.key(), "staff").then().statusCode(204);
    }

    @Test
    void aSegmentWhoseKeyOnlyResemblesAUsedOneCanBeDeleted() {
        TestProject project = createProject("seg", "production");
        createBooleanFlag(project.key(), "beta", false);
        for (String key : List.of("beta-testers", "beta_testers")) {
            admin().body(Map.of("key", key, "name", key, "conditions", List.of(condition("plan", "equals", "beta"))))
                    .post("/api/v1/projects/{p}/segments", project.key()).then().statusCode(201);
        }
        putState(project.key(), "beta", "production", Map.of("rules", List.of(
                Map.of("id", "r1", "segment", "beta-testers", "serve", Map.of("variant", "on")))));

        admin().delete("/api/v1/projects/{p}/segments/{s}", project.key(), "beta_testers").then().statusCode(204);
        admin().delete("/api/v1/projects/{p}/segments/{s}", project.key(), "beta-testers").then().statusCode(409);
    }

    @Test
    void anInvalidRegexIsRejectedNamingTheValue() {
        TestProject project = createProject("seg", "production");

        admin().body(Map.of("key", "broken", "name", "Broken", "conditions", List.of(
                        condition("email", "matches", "(unclosed"))))
                .post("/api/v1/projects/{p}/segments", project.key())
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://lightswitch.dev/problems/invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", containsString("conditions[0].values[0]"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("conditions[0].values[0]"))
                .body("errors[0].reason", notNullValue());

        admin().get("/api/v1/projects/{p}/segments", project.key()).then().statusCode(200).body("$", empty());
    }

    @Test
    void aSegmentNeedsAKeyAndANameAndWellFormedConditions() {
        TestProject project = createProject("seg", "production");

        admin().body(Map.of("key", "Not A Key", "conditions", List.of(Map.of("operator", "gt", "values", List.of("x")))))
                .post("/api/v1/projects/{p}/segments", project.key())
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("4 fields are invalid"))
                .body("errors.field", hasItems("key", "name", "conditions[0].attribute", "conditions[0].values[0]"));
    }

    @Test
    void anUnknownOperatorIsRejectedNamingTheField() {
        TestProject project = createProject("seg", "production");

        admin().body(Map.of("key", "odd", "name", "Odd", "conditions", List.of(condition("email", "resembles", "x"))))
                .post("/api/v1/projects/{p}/segments", project.key())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("conditions[0].operator"));
    }

    @Test
    void creatingASegmentWithATakenKeyIsAConflict() {
        TestProject project = createProject("seg", "production");
        admin().body(staff("ends_with", "@corp.example"))
                .post("/api/v1/projects/{p}/segments", project.key()).then().statusCode(201);

        admin().body(staff("ends_with", "@elsewhere.example"))
                .post("/api/v1/projects/{p}/segments", project.key())
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://lightswitch.dev/problems/conflict"))
                .body("title", equalTo("Conflict"))
                .body("status", equalTo(409))
                .body("detail", equalTo("segment 'staff' already exists in project '" + project.key() + "'"));
    }

    @Test
    void theKeyOfASegmentCannotChange() {
        TestProject project = createProject("seg", "production");
        admin().body(staff("ends_with", "@corp.example"))
                .post("/api/v1/projects/{p}/segments", project.key()).then().statusCode(201);

        admin().body(Map.of("key", "employees", "name", "Employees", "conditions", List.of()))
                .put("/api/v1/projects/{p}/segments/{s}", project.key(), "staff")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void updatingAnUnknownSegmentIsNotFound() {
        TestProject project = createProject("seg", "production");

        admin().body(staff("ends_with", "@corp.example"))
                .put("/api/v1/projects/{p}/segments/{s}", project.key(), "staff")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://lightswitch.dev/problems/not-found"))
                .body("detail", equalTo("segment '" + project.key() + "/staff' does not exist"));
    }

    @Test
    void aRuleNamingAnUnknownSegmentIsRejected() {
        TestProject project = createProject("seg", "production");
        createBooleanFlag(project.key(), "dark-mode", false);

        admin().body(Map.of("rules", List.of(Map.of("id", "r1", "segment", "ghosts", "serve", Map.of("variant", "on")))))
                .put("/api/v1/projects/{p}/flags/{f}/environments/{e}", project.key(), "dark-mode", "production")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("errors[0].field", equalTo("rules[0].segment"))
                .body("errors[0].reason", containsString("ghosts"));
    }

    @Test
    void segmentsAreSeparatePerProject() {
        TestProject first = createProject("seg", "production");
        TestProject second = createProject("seg", "production");
        admin().body(staff("ends_with", "@corp.example"))
                .post("/api/v1/projects/{p}/segments", first.key()).then().statusCode(201);

        admin().get("/api/v1/projects/{p}/segments", second.key()).then().statusCode(200).body("$", empty());
        admin().body(staff("ends_with", "@corp.example"))
                .post("/api/v1/projects/{p}/segments", second.key()).then().statusCode(201);
    }

    /** A project whose boolean flag dark-mode is on in production and serves "on" to the segment staff. */
    private static TestProject flagTargetingStaff() {
        TestProject project = createProject("seg", "production");
        admin().body(staff("ends_with", "@corp.example"))
                .post("/api/v1/projects/{p}/segments", project.key()).then().statusCode(201);
        createBooleanFlag(project.key(), "dark-mode", false);
        putState(project.key(), "dark-mode", "production", Map.of(
                "rules", List.of(Map.of("id", "r1", "segment", "staff", "serve", Map.of("variant", "on"))),
                "defaultServe", Map.of("variant", "off")));
        setEnabled(project.key(), "dark-mode", "production", true);
        return project;
    }

    private static Map<String, Object> staff(String operator, String value) {
        return Map.of("key", "staff", "name", "Staff", "description", "Employees", "match", "any",
                "conditions", List.of(condition("email", operator, value)));
    }

    private static Map<String, Object> condition(String attribute, String operator, String value) {
        return Map.of("attribute", attribute, "operator", operator, "values", List.of(value), "negate", false);
    }

    private static Response evaluate(String secret, String email) {
        return given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(Map.of("context", Map.of("targetingKey", "u1", "email", email)))
                .post("/ofrep/v1/evaluate/flags/{f}", "dark-mode");
    }

    private static SegmentChanged segmentChanged(FlagEventTap.Received received) {
        return MessageCodec.payload(received.envelope(), SegmentChanged.class);
    }
}
