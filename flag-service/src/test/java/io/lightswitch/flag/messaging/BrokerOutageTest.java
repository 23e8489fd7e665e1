package io.lightswitch.flag.messaging;

import static io.lightswitch.flag.support.AdminApi.admin;
import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static io.lightswitch.flag.support.AdminApi.setEnabled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.flag.support.AdminApi.TestProject;
import io.lightswitch.flag.support.BrokerOutageProfile;
import io.lightswitch.flag.support.FlagEventTap;
import io.lightswitch.testing.TcpProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class BrokerOutageTest {

    private static final Logger LOG = Logger.getLogger(BrokerOutageTest.class);
    private static final TcpProxy PROXY = BrokerOutageProfile.PROXY;
    /*
     * The requirement speaks of a minute; a shorter outage proves the same, because nothing in the
     * relay depends on how long the broker was away: a row stays unpublished in the outbox until the
     * broker confirmed it, however long that takes.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @Inject
    Pool database;

    record Change(String flag, String change, long version) {
    }

    @BeforeEach
    void theApplicationReachesRabbitMqThroughTheProxyAndHasADatabaseOfItsOwn() {
        assertThat(ConfigProvider.getConfig().getValue("rabbitmq-port", Integer.class)).isEqualTo(PROXY.port());
        assertThat(ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class))
                .contains("/test_scratch_");
    }

    @AfterEach
    void giveTheBrokerBack() {
        PROXY.restore();
    }

    @Test
    void changesCommittedWhileTheBrokerIsDownArePublishedWhenItReturns() throws Exception {
        TestProject project = createProject("outage", "production");
        try (FlagEventTap tap = FlagEventTap.flagEvents()) {
            createBooleanFlag(project.key(), "checkout", false);
            awaitChanges(tap, project, List.of(new Change("checkout", "created", 1)));

            PROXY.cut();
            setEnabled(project.key(), "checkout", "production", true);
            setEnabled(project.key(), "checkout", "production", false);
            setEnabled(project.key(), "checkout", "production", true);
            createBooleanFlag(project.key(), "search", false);
            setEnabled(project.key(), "search", "production", true);
            List<Change> duringOutage = List.of(
                    new Change("checkout", "enabled", 2),
                    new Change("checkout", "disabled", 3),
                    new Change("checkout", "enabled", 4),
                    new Change("search", "created", 1),
                    new Change("search", "enabled", 2));

            Awaitility.await().during(OUTAGE).atMost(OUTAGE.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(received(tap, project)).doesNotContainAnyElementsOf(duringOutage));
            assertThat(unpublishedRows(project)).isEqualTo((long) duringOutage.size());

            long restoredAt = System.nanoTime();
            PROXY.restore();
            awaitChanges(tap, project, duringOutage);
            LOG.infof("events committed during the outage arrived %d ms after the broker came back",
                    Duration.ofNanos(System.nanoTime() - restoredAt).toMillis());

            assertThat(received(tap, project)).containsExactlyInAnyOrder(
                    new Change("checkout", "created", 1),
                    new Change("checkout", "enabled", 2),
                    new Change("checkout", "disabled", 3),
                    new Change("checkout", "enabled", 4),
                    new Change("search", "created", 1),
                    new Change("search", "enabled", 2));
            // the tap can see a message before the relay's transaction that marks it published commits
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> unpublishedRows(project) == 0);
        }
        admin().get("/api/v1/projects/{p}/flags/{f}/environments/production", project.key(), "checkout")
                .then().statusCode(200).body("version", equalTo(4)).body("enabled", equalTo(true));
    }

    @Test
    void evaluationKeepsAnsweringFromMemoryWhileTheBrokerIsDown() {
        TestProject project = createProject("outage", "production");
        createBooleanFlag(project.key(), "banner", false);
        setEnabled(project.key(), "banner", "production", true);
        String serverKey = project.secret("production", "server");

        PROXY.cut();
        evaluate(serverKey, "banner").then().statusCode(200).body("value", equalTo(true));
        // a change made here is served by this replica at once, without waiting for its own event
        setEnabled(project.key(), "banner", "production", false);
        evaluate(serverKey, "banner").then().statusCode(200)
                .body("value", equalTo(false)).body("reason", equalTo("DISABLED"));
    }

    private static Response evaluate(String serverKey, String flag) {
        return given().header("Authorization", "Bearer " + serverKey).contentType(ContentType.JSON)
                .body(Map.of("context", Map.of("targetingKey", "u1")))
                .post("/ofrep/v1/evaluate/flags/{key}", flag);
    }

    private static void awaitChanges(FlagEventTap tap, TestProject project, List<Change> expected) {
        Awaitility.await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100))
                .until(() -> received(tap, project).containsAll(expected));
    }

    /** The project's FlagChanged events seen so far, once per envelope id: delivery is at least once. */
    private static List<Change> received(FlagEventTap tap, TestProject project) {
        Map<UUID, Change> byEnvelope = new LinkedHashMap<>();
        for (FlagEventTap.Received r : tap.matching(r -> r.envelope().type().equals(MessageTypes.FLAG_CHANGED))) {
            FlagChanged changed = MessageCodec.payload(r.envelope(), FlagChanged.class);
            if (changed.project().equals(project.key())) {
                byEnvelope.put(r.envelope().id(),
                        new Change(changed.flagKey(), changed.change(), changed.flagVersion()));
            }
        }
        return List.copyOf(byEnvelope.values());
    }

    private long unpublishedRows(TestProject project) {
        return database.preparedQuery("select count(*) from flag.outbox where published_at is null"
                        + " and type = $1 and (body::jsonb -> 'payload' ->> 'project') = $2")
                .execute(Tuple.of(MessageTypes.FLAG_CHANGED, project.key()))
                .await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }
}
