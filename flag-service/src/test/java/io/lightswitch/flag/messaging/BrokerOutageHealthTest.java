package io.lightswitch.flag.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.flag.support.BrokerOutageProfile;
import io.lightswitch.testing.TcpProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes takes a replica out of its Service while readiness is DOWN and restarts it when liveness
 * is DOWN. A broker outage should do the first and never the second: the channels reconnect on their own.
 */
@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class BrokerOutageHealthTest {

    private static final TcpProxy PROXY = BrokerOutageProfile.PROXY;
    private static final String MESSAGING = "SmallRye Reactive Messaging - readiness check";

    @AfterEach
    void giveTheBrokerBack() {
        PROXY.restore();
    }

    @Test
    void brokerOutageTakesReadinessDownButNeverLiveness() {
        PROXY.cut();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == '" + MESSAGING + "' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status",
                                equalTo("UP")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        PROXY.restore();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
