package io.lightswitch.analytics.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.access.AdminTokens;
import io.lightswitch.analytics.support.Api;
import io.lightswitch.analytics.support.CredentialEvents;
import io.lightswitch.analytics.support.FlagServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
class AdminAuthTest {

    private static final String CHANGES = "/api/v1/projects/auth/environments/production/changes";

    private static int status(String token) {
        return given().header("Authorization", "Bearer " + token).get(CHANGES).statusCode();
    }

    @Test
    void refusesARequestWithoutATokenWithAChallenge() {
        given().get(CHANGES).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"lightswitch\"")
                .contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/unauthenticated"))
                .body("title", equalTo("Unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", equalTo("send an admin token as 'Authorization: Bearer <token>'"));
        given().header("Authorization", "Basic ZGV2OmRldg==").get(CHANGES).then().statusCode(401);
    }

    @Test
    void refusesUnknownTokensAndEnvironmentKeys() {
        for (String token : new String[] {"not-a-token", FlagServiceStub.SERVER_KEY}) {
            given().header("Authorization", "Bearer " + token).get(CHANGES).then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer realm=\"lightswitch\"")
                    .contentType("application/problem+json")
                    .body("status", equalTo(401))
                    .body("detail", equalTo("the token is unknown or revoked, or it is not an admin token"));
        }
    }

    @Test
    void protectsPathsThatDoNotExistToo() {
        given().get("/api/v1/nothing-here").then().statusCode(401);
        Api.admin().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyRoleListedByFlagServiceReads() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(FlagServiceStub.VIEWER) == 200);
        for (String token : new String[] {Api.BOOTSTRAP_TOKEN, FlagServiceStub.ADMIN, FlagServiceStub.VIEWER,
                FlagServiceStub.SERVICE}) {
            given().header("Authorization", "Bearer " + token).get(CHANGES).then().statusCode(200);
            given().header("Authorization", "Bearer " + token).head(CHANGES).then().statusCode(200);
        }
    }

    @Test
    void viewersMayNotWrite() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(FlagServiceStub.VIEWER) == 200);
        given().header("Authorization", "Bearer " + FlagServiceStub.VIEWER).post(CHANGES).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lightswitch.dev/problems/forbidden"))
                .body("title", equalTo("Forbidden"))
                .body("status", equalTo(403))
                .body("detail", equalTo("a viewer token may only read"));
        // Admin and service tokens pass the filter; the query API itself has no write methods.
        for (String token : new String[] {FlagServiceStub.ADMIN, FlagServiceStub.SERVICE, Api.BOOTSTRAP_TOKEN}) {
            given().header("Authorization", "Bearer " + token).post(CHANGES).then().statusCode(405)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aTokenIssuedLaterWorksWithinSecondsAndStopsWhenRevoked() {
        String secret = "lsa_new_" + UUID.randomUUID();
        String hash = AdminTokens.hash(secret);
        String id = "tok_" + UUID.randomUUID();

        // Published again until this replica's queue, bound at start, has it.
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            CredentialEvents.issued(id, "viewer", hash);
            return status(secret) == 200;
        });

        CredentialEvents.revoked(id, hash);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> status(secret) == 401);
    }

    @Test
    void readinessReportsTheLoadedTokensAndNeedsNoToken() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(FlagServiceStub.VIEWER) == 200);
        // Only this check: the overall status also depends on the intake's channels.
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'credentials' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'credentials' }.data.loaded", equalTo(true))
                .body("checks.find { it.name == 'credentials' }.data.tokens", equalTo(3))
                .body("checks.find { it.name == 'credentials' }.data.bootstrapToken", equalTo(true));
        given().get("/q/openapi").then().statusCode(200);
    }
}
