package io.lightswitch.workflow.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.lightswitch.workflow.support.FlagServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class HealthResourceTest {

    private static final String MESSAGING = "SmallRye Reactive Messaging - readiness check";

    @Test
    void readinessReportsPostgresEveryRabbitMqChannelAndTheAdminTokensUp() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                                "Database connections health check", MESSAGING, "credentials"))
                        .body("checks.findAll { it.status != 'UP' }.size()", equalTo(0))
                        .body("checks.find { it.name == '" + MESSAGING + "' }.data.verdicts", equalTo("[OK]"))
                        .body("checks.find { it.name == '" + MESSAGING + "' }.data.'flag-events'", equalTo("[OK]"))
                        .body("checks.find { it.name == '" + MESSAGING + "' }.data.'credential-events'",
                                equalTo("[OK]"))
                        .body("checks.find { it.name == '" + MESSAGING + "' }.data.'workflow-commands'",
                                equalTo("[OK]")));
    }

    @Test
    void livenessLeavesTheChannelsOut() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == '" + MESSAGING.replace("readiness", "liveness") + "' }.data.verdicts",
                        nullValue());
    }

    @Test
    void servesItsOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Lightswitch workflow-service"))
                .body("paths.keySet()", hasItems("/api/v1/projects/{project}/environments/{environment}/rules",
                        "/api/v1/projects/{project}/environments/{environment}/rules/{id}",
                        "/api/v1/projects/{project}/incidents", "/api/v1/projects/{project}/incidents/{id}",
                        "/api/v1/projects/{project}/executions"));
    }
}
