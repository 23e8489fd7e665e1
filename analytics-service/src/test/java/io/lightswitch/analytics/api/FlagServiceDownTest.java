package io.lightswitch.analytics.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.analytics.support.Api;
import io.lightswitch.analytics.support.UnreachableFlagService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(UnreachableFlagService.class)
class FlagServiceDownTest {

    @Test
    void isNotReadyBeforeTheTokensLoadButTheBootstrapTokenWorks() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'credentials' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'credentials' }.data.loaded", equalTo(false))
                .body("checks.find { it.name == 'credentials' }.data.bootstrapToken", equalTo(true));

        Api.admin().get("/api/v1/projects/down/environments/production/changes").then().statusCode(200);
    }
}
