package io.lightswitch.flag.api;

import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static io.lightswitch.flag.support.AdminApi.setEnabled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.flag.support.AdminApi.TestProject;
import io.lightswitch.flag.support.Prometheus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsResourceTest {

    private static void evaluate(String serverKey, String flag, String targetingKey) {
        given().header("Authorization", "Bearer " + serverKey).contentType(ContentType.JSON)
                .body(Map.of("context", Map.of("targetingKey", targetingKey)))
                .post("/ofrep/v1/evaluate/flags/{key}", flag)
                .then().statusCode(200);
    }

    @Test
    void evaluationsAreCountedByFlagVariantAndReason() {
        TestProject project = createProject("metrics", "production");
        createBooleanFlag(project.key(), "dark-mode", false);
        String serverKey = project.secret("production", "server");

        evaluate(serverKey, "dark-mode", "u1");
        evaluate(serverKey, "dark-mode", "u2");
        setEnabled(project.key(), "dark-mode", "production", true);
        evaluate(serverKey, "dark-mode", "u1");

        Prometheus metrics = Prometheus.scrape();
        Map<String, String> series = Map.of("project", project.key(), "environment", "production", "flag", "dark-mode");
        assertThat(metrics.value("lightswitch_evaluations_total", with(series, "off", "DISABLED"))).isEqualTo(2.0);
        assertThat(metrics.value("lightswitch_evaluations_total", with(series, "on", "STATIC"))).isEqualTo(1.0);
        assertThat(metrics.value("lightswitch_evaluations_total", series)).isEqualTo(3.0);
    }

    @Test
    void firstExposuresAndRelayedEventsAreCounted() {
        double exposuresBefore = Prometheus.scrape().value("lightswitch_exposures_recorded_total");
        double publishedBefore = Prometheus.scrape().value("lightswitch_outbox_published_total");
        TestProject project = createProject("metrics", "production");
        createBooleanFlag(project.key(), "banner", false);
        String serverKey = project.secret("production", "server");
        String user = UUID.randomUUID().toString();

        evaluate(serverKey, "banner", user);
        evaluate(serverKey, "banner", user);

        // the same user seeing the same variant again is not a new exposure
        assertThat(Prometheus.scrape().value("lightswitch_exposures_recorded_total") - exposuresBefore).isEqualTo(1.0);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Prometheus.scrape().value("lightswitch_outbox_published_total")).isGreaterThan(publishedBefore));
    }

    private static Map<String, String> with(Map<String, String> series, String variant, String reason) {
        Map<String, String> labels = new java.util.HashMap<>(series);
        labels.put("variant", variant);
        labels.put("reason", reason);
        return labels;
    }
}
