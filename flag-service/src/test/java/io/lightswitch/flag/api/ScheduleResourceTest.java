package io.lightswitch.flag.api;

import static io.lightswitch.flag.support.AdminApi.admin;
import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.flag.support.AdminApi.TestProject;
import io.lightswitch.flag.support.FlagEventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScheduleResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SCHEDULES = "/api/v1/projects/{p}/flags/{f}/environments/{e}/schedules";
    private static final String STATE = "/api/v1/projects/{p}/flags/{f}/environments/{e}";

    @Test
    void aDueStepIsAppliedAsANewVersionOfTheState() throws Exception {
        TestProject project = projectWithFlag();

        try (FlagEventTap tap = FlagEventTap.flagEvents()) {
            String planId = admin().body(Map.of("reason", "canary", "steps", List.of(
                            step(Instant.now().plusSeconds(2), split(10, 90), true))))
                    .post(SCHEDULES, project.key(), "dark-mode", "production")
                    .then().statusCode(201)
                    .header("Location", containsString("/schedules/"))
                    .body("reason", equalTo("canary"))
                    .body("steps", hasSize(1))
                    .body("steps[0].status", equalTo("pending"))
                    .body("steps[0].enabled", equalTo(true))
                    .body("steps[0].serve.split.variant", equalTo(List.of("on", "off")))
                    .extract().path("planId");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    admin().get(STATE, project.key(), "dark-mode", "production")
                            .then().statusCode(200)
                            .body("enabled", equalTo(true))
                            .body("defaultServe.split.variant", equalTo(List.of("on", "off")))
                            .body("defaultServe.split.weight", hasItems(10.0f, 90.0f))
                            .body("version", equalTo(2)));

            admin().get(SCHEDULES, project.key(), "dark-mode", "production")
                    .then().statusCode(200)
                    .body("planId", equalTo(List.of(planId)))
                    .body("[0].steps[0].status", equalTo("applied"))
                    .body("[0].steps[0].appliedAt", notNullValue());

            var received = tap.await(r -> r.envelope().type().equals(MessageTypes.FLAG_CHANGED)
                    && flagChanged(r).project().equals(project.key()) && flagChanged(r).change().equals("schedule-applied"));
            FlagChanged applied = flagChanged(received);
            assertThat(applied.flagVersion()).isEqualTo(2);
            assertThat(applied.reason()).isEqualTo("canary");
            assertThat(applied.actor().kind()).isEqualTo("schedule");
            assertThat(applied.actor().id()).isEqualTo(planId);
        }
    }

    @Test
    void aStepTheFlagCanNoLongerServeFailsAndLeavesTheStateAlone() {
        TestProject project = createProject("sched", "production");
        admin().body(Map.of("key", "color", "name", "Color", "type", "string", "offVariant", "blue",
                        "servedVariant", "green", "variants", Map.of("blue", "#00f", "green", "#0f0", "red", "#f00")))
                .post("/api/v1/projects/{p}/flags", project.key()).then().statusCode(201);
        String planId = admin().body(Map.of("steps", List.of(
                        step(Instant.now().plusSeconds(3), Map.of("variant", "red"), null))))
                .post(SCHEDULES, project.key(), "color", "production")
                .then().statusCode(201).extract().path("planId");

        admin().body(Map.of("name", "Color", "variants", Map.of("blue", "#00f", "green", "#0f0")))
                .put("/api/v1/projects/{p}/flags/{f}", project.key(), "color").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                admin().get(SCHEDULES + "/{plan}", project.key(), "color", "production", planId)
                        .then().body("steps[0].status", equalTo("failed"))
                        .body("steps[0].outcome", containsString("unknown variant 'red'")));
        admin().get(STATE, project.key(), "color", "production")
                .then().body("defaultServe.variant", equalTo("green")).body("version", equalTo(2));
    }

    @Test
    void aStepInThePastIsRejected() {
        TestProject project = projectWithFlag();

        admin().body(Map.of("steps", List.of(step(Instant.now().minus(Duration.ofMinutes(10)), split(10, 90), true))))
                .post(SCHEDULES, project.key(), "dark-mode", "production")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://lightswitch.dev/problems/invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("steps[0].at: must not be in the past"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("steps[0].at"));
    }

    @Test
    void theRolloutShorthandExpandsIntoOneStepPerPercentage() {
        TestProject project = projectWithFlag();
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        JsonPath plan = admin().body(Map.of("reason", "gradual", "rollout", Map.of("variant", "on",
                        "percentages", List.of(10, 50, 100), "startAt", start.toString(), "every", "PT1H")))
                .post(SCHEDULES, project.key(), "dark-mode", "production")
                .then().statusCode(201).extract().jsonPath();

        assertThat(plan.getList("steps")).hasSize(3);
        assertThat(plan.getList("steps.step", Integer.class)).containsExactly(0, 1, 2);
        assertThat(plan.getList("steps.at", String.class)).extracting(Instant::parse)
                .containsExactly(start, start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2)));
        double[][] weights = {{10, 90}, {50, 50}, {100, 0}};
        for (int i = 0; i < 3; i++) {
            String split = "steps[" + i + "].serve.split";
            assertThat(plan.getList(split + ".variant", String.class)).containsExactly("on", "off");
            assertThat(plan.getDouble(split + "[0].weight")).isEqualTo(weights[i][0]);
            assertThat(plan.getDouble(split + "[1].weight")).isEqualTo(weights[i][1]);
        }
        assertThat(plan.getList("steps.enabled", Boolean.class)).containsExactly(true, null, null);
        assertThat(plan.getList("steps.status", String.class)).containsOnly("pending");
    }

    @Test
    void cancellingAPlanStopsItsPendingSteps() {
        TestProject project = projectWithFlag();
        String planId = admin().body(Map.of("steps", List.of(
                        step(Instant.now().plusSeconds(2), split(50, 50), true),
                        step(Instant.now().plusSeconds(3), split(100, 0), null))))
                .post(SCHEDULES, project.key(), "dark-mode", "production")
                .then().statusCode(201).extract().path("planId");

        admin().delete(SCHEDULES + "/{plan}", project.key(), "dark-mode", "production", planId)
                .then().statusCode(200)
                .body("planId", equalTo(planId))
                .body("steps.status", equalTo(List.of("cancelled", "cancelled")))
                .body("steps[0].outcome", containsString("cancelled by"));

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                admin().get(STATE, project.key(), "dark-mode", "production")
                        .then().body("version", equalTo(1)).body("enabled", equalTo(false))
                        .body("defaultServe.variant", equalTo("on")));
        admin().get(SCHEDULES + "/{plan}", project.key(), "dark-mode", "production", planId)
                .then().statusCode(200).body("steps.status", equalTo(List.of("cancelled", "cancelled")));
    }

    @Test
    void aStepServingWhatTheFlagCannotServeIsRejectedNamingTheField() {
        TestProject project = projectWithFlag();

        admin().body(Map.of("steps", List.of(
                        step(Instant.now().plus(Duration.ofHours(1)), Map.of("variant", "maybe"), null),
                        step(Instant.now().plus(Duration.ofHours(2)), split(50, 40), null))))
                .post(SCHEDULES, project.key(), "dark-mode", "production")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("errors.field", equalTo(List.of("steps[0].serve.variant", "steps[1].serve.split")))
                .body("errors[0].reason", equalTo("unknown variant 'maybe'"))
                .body("errors[1].reason", containsString("not 100"));

        admin().get(SCHEDULES, project.key(), "dark-mode", "production").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aRolloutNeedsAKnownVariantRisingPercentagesAndAPositiveInterval() {
        TestProject project = projectWithFlag();
        String start = Instant.now().plus(Duration.ofHours(1)).toString();

        admin().body(Map.of("rollout", Map.of("variant", "on", "percentages", List.of(50, 10, 120),
                        "startAt", start, "every", "PT0S")))
                .post(SCHEDULES, project.key(), "dark-mode", "production")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("rollout.percentages[1]", "rollout.percentages[2]",
                        "rollout.every")));

        admin().body(Map.of("rollout", Map.of("variant", "maybe", "percentages", List.of(10, 100),
                        "startAt", start, "every", "PT1H")))
                .post(SCHEDULES, project.key(), "dark-mode", "production")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("rollout.variant"));
    }

    @Test
    void aPlanIsEitherStepsOrARollout() {
        TestProject project = projectWithFlag();

        admin().body(Map.of("reason", "nothing planned"))
                .post(SCHEDULES, project.key(), "dark-mode", "production")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("steps"));
    }

    @Test
    void cancellingAPlanOfAnotherFlagOrNoPlanIsNotFound() {
        TestProject project = projectWithFlag();
        createBooleanFlag(project.key(), "other", false);
        String planId = admin().body(Map.of("steps", List.of(
                        step(Instant.now().plus(Duration.ofHours(1)), split(10, 90), null))))
                .post(SCHEDULES, project.key(), "other", "production")
                .then().statusCode(201).extract().path("planId");

        admin().delete(SCHEDULES + "/{plan}", project.key(), "dark-mode", "production", planId)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://lightswitch.dev/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", endsWith("/dark-mode/production/" + planId + "' does not exist"));
        admin().delete(SCHEDULES + "/{plan}", project.key(), "dark-mode", "production", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);

        admin().get(SCHEDULES + "/{plan}", project.key(), "other", "production", planId)
                .then().statusCode(200).body("steps[0].status", equalTo("pending"));
    }

    private static TestProject projectWithFlag() {
        TestProject project = createProject("sched", "production");
        createBooleanFlag(project.key(), "dark-mode", false);
        return project;
    }

    private static Map<String, Object> step(Instant at, Map<String, Object> serve, Boolean enabled) {
        return enabled == null ? Map.of("at", at.toString(), "serve", serve)
                : Map.of("at", at.toString(), "serve", serve, "enabled", enabled);
    }

    private static Map<String, Object> split(int on, int off) {
        return Map.of("split", List.of(Map.of("variant", "on", "weight", on), Map.of("variant", "off", "weight", off)));
    }

    private static FlagChanged flagChanged(FlagEventTap.Received received) {
        return MessageCodec.payload(received.envelope(), FlagChanged.class);
    }
}
