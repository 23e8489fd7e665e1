package io.lightswitch.workflow.api;

import static io.lightswitch.workflow.support.Api.errorRateRule;
import static io.lightswitch.workflow.support.Api.rules;
import static io.lightswitch.workflow.support.Api.uniqueProject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.workflow.support.FlagServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class AdminAuthTest {

    private static final Map<String, Object> RULE = errorRateRule("r", Map.of("all", true),
            List.of(Map.of("type", "DisableFlag")), false);

    @BeforeEach
    void tokensLoadedFromFlagService() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> given()
                .header("Authorization", "Bearer " + FlagServiceStub.VIEWER)
                .get(rules("any", "production")).statusCode() == 200);
    }

    @Test
    void refusesARequestWithoutATokenOrWithAnUnknownOne() {
        given().get(rules(uniqueProject("auth"), "production")).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"lightswitch\"")
                .body("title", equalTo("Unauthenticated"))
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/projects/p/incidents")
                .then().statusCode(401).body("type", equalTo("https://lightswitch.dev/problems/unauthenticated"));
    }

    @Test
    void aViewerReadsButMayNotChangeRules() {
        String project = uniqueProject("auth");
        given().header("Authorization", "Bearer " + FlagServiceStub.VIEWER).contentType(ContentType.JSON)
                .body(RULE).post(rules(project, "production")).then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        given().header("Authorization", "Bearer " + FlagServiceStub.VIEWER)
                .get("/api/v1/projects/{p}/executions", project).then().statusCode(200);
    }

    @Test
    void anAdminTokenIssuedByFlagServiceWrites() {
        given().header("Authorization", "Bearer " + FlagServiceStub.ADMIN).contentType(ContentType.JSON)
                .body(RULE).post(rules(uniqueProject("auth"), "production")).then().statusCode(201);
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
