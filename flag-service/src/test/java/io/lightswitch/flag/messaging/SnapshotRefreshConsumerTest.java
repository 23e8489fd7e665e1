package io.lightswitch.flag.messaging;

import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.flag.support.AdminApi.TestProject;
import io.lightswitch.flag.support.Broker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Another replica's change reaches this one only as a committed row plus a FlagChanged event; this
 * test plays that replica by writing the row directly and publishing the event on the real exchange.
 */
@QuarkusTest
class SnapshotRefreshConsumerTest {

    @Test
    void aFlagEventFromAnotherReplicaRefreshesThisReplicasEvaluation() throws Exception {
        TestProject project = createProject("refresh", "production");
        createBooleanFlag(project.key(), "dark-mode", false);
        String serverKey = project.secret("production", "server");
        evaluate(serverKey).then().statusCode(200).body("value", equalTo(false)).body("reason", equalTo("DISABLED"));

        enableBehindThisReplicasBack(project.key(), "dark-mode", "production");
        evaluate(serverKey).then().body("reason", equalTo("DISABLED"));

        FlagChanged changed = new FlagChanged(project.key(), "production", "dark-mode", 2, "enabled",
                new Actor(Actor.USER, "other-replica", "test"), null, null, null);
        Broker.publish(Exchanges.FLAG_EVENTS, RoutingKeys.FLAG_CHANGED,
                MessageCodec.encode(MessageCodec.wrap(MessageTypes.FLAG_CHANGED, "flag-service", changed)));

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                evaluate(serverKey).then().statusCode(200).body("value", equalTo(true)).body("reason", equalTo("STATIC")));
    }

    private static io.restassured.response.Response evaluate(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"context\":{\"targetingKey\":\"u1\"}}").post("/ofrep/v1/evaluate/flags/dark-mode");
    }

    private static void enableBehindThisReplicasBack(String project, String flag, String environment) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement update = connection.prepareStatement("""
                     update flag.flag_state s set enabled = true, version = version + 1
                     from flag.flag f, flag.environment e, flag.project p
                     where s.flag_id = f.id and s.environment_id = e.id and f.project_id = p.id
                       and p.key = ? and f.key = ? and e.key = ?""")) {
            update.setString(1, project);
            update.setString(2, flag);
            update.setString(3, environment);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("expected to update one flag state");
            }
        }
    }
}
