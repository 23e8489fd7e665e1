package io.lightswitch.flag.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthResourceTest {

    private static final String MESSAGING = "SmallRye Reactive Messaging - readiness check";

    @Test
    void readinessReportsPostgresRabbitMqAndTheFlagSnapshotUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Database connections health check", MESSAGING, "flag snapshot"))
                .body("checks.findAll { it.status != 'UP' }.size()", equalTo(0))
                .body("checks.find { it.name == '" + MESSAGING + "' }.data.'workflow-commands'", equalTo("[OK]"))
                .body("checks.find { it.name == '" + MESSAGING + "' }.data.'snapshot-refresh'", equalTo("[OK]"))
                .body("checks.find { it.name == '" + MESSAGING + "' }.data.'flag-events'", equalTo("[OK]"));
    }

    /** What liveness leaves out during a broker outage is proven by BrokerOutageHealthTest. */
    @Test
    void startedAndLiveOnceRunning() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
