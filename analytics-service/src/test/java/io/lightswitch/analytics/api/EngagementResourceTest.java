package io.lightswitch.analytics.api;

import static io.lightswitch.analytics.support.Seed.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.analytics.support.Api;
import io.lightswitch.analytics.support.Problems;
import io.lightswitch.analytics.support.Seed;
import io.lightswitch.analytics.support.Seed.Json;
import io.lightswitch.analytics.support.SeriesRow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EngagementResourceTest {

    private static final String ENV = "production";
    private static final String FROM = "2025-02-01T00:00:00Z";
    private static final String TO = "2025-02-01T06:00:00Z";

    @Inject
    DataSource dataSource;

    private String project;
    private String path;

    @BeforeEach
    void seed() {
        project = Api.uniqueProject("engagement");
        path = "/api/v1/projects/" + project + "/environments/" + ENV + "/flags/dark-mode/engagement";
        Seed seed = new Seed(dataSource);
        session(seed, "s1", "u1", "{\"dark-mode\":\"on\",\"checkout-v2\":\"off\"}", "01:00:00", 60, 10, 2, 0);
        session(seed, "s2", "u1", "{\"dark-mode\":\"on\"}", "02:00:00", 120, 20, 4, 1);
        session(seed, "s3", "u2", "{\"dark-mode\":\"on\"}", "03:00:00", 0, 0, 1, 0);
        session(seed, "s4", null, "{\"dark-mode\":\"on\"}", "04:00:00", 180, 6, 3, 2);
        session(seed, "s5", "u3", "{\"dark-mode\":\"off\"}", "01:30:00", 30, 4, 1, 0);
        session(seed, "s6", "u4", "{\"dark-mode\":\"off\"}", "02:30:00", 90, 8, 3, 0);
        // Outside the window, and sessions that never saw the flag.
        session(seed, "s7", "u5", "{\"dark-mode\":\"on\"}", "07:00:00", 600, 100, 10, 5);
        session(seed, "s8", "u6", "{\"checkout-v2\":\"on\"}", "02:00:00", 600, 100, 10, 5);

        seed.series(SeriesRow.at(3600, "2025-02-01T01:00:00Z", project, ENV).flag("dark-mode", "on")
                .service("checkout", "POST /pay").requests(100, 0).latency(100, 60).latency(1000, 30).latency(3000, 10));
        seed.series(SeriesRow.at(3600, "2025-02-01T02:00:00Z", project, ENV).flag("dark-mode", "off")
                .service("checkout", "POST /pay").requests(100, 0).latency(100, 100));
        // A minute bucket inside whole hours: the hourly bucket already holds it.
        seed.series(SeriesRow.at(60, "2025-02-01T01:05:00Z", project, ENV).flag("dark-mode", "on")
                .service("checkout", "POST /pay").requests(50, 0).latency(5000, 50));
    }

    private void session(Seed seed, String id, String user, String flags, String lastSeen, int seconds, int actions,
                         int pageLoads, int errors) {
        Instant last = Instant.parse("2025-02-01T" + lastSeen + "Z");
        seed.insert("session", row("project", project, "environment", ENV, "session_id", id, "user_id", user,
                "first_seen", last.minusSeconds(seconds), "last_seen", last, "browser", "Chrome", "os", "macOS",
                "country", "DE", "flags", new Json(flags), "error_count", (long) errors, "page_loads", (long) pageLoads,
                "actions", (long) actions));
    }

    @Test
    void summarisesTheSessionsOfEachVariant() {
        JsonNode engagement = Api.get(path, "from", FROM, "to", TO);

        assertThat(engagement.get("apdexThresholdMs").asDouble()).isEqualTo(500);
        assertThat(engagement.get("variants")).hasSize(2);
        JsonNode on = Api.find(engagement.get("variants"), "variant", "on");
        assertThat(on.get("sessions").asLong()).isEqualTo(4);
        assertThat(on.get("users").asLong()).isEqualTo(2);
        assertThat(on.get("actionsPerSession").asDouble()).isCloseTo(9.0, within(1e-9));
        assertThat(on.get("meanSessionSeconds").asDouble()).isCloseTo(90.0, within(1e-9));
        assertThat(on.get("pageLoadsPerSession").asDouble()).isCloseTo(2.5, within(1e-9));
        assertThat(on.get("errorSessionShare").asDouble()).isCloseTo(0.5, within(1e-9));

        JsonNode off = Api.find(engagement.get("variants"), "variant", "off");
        assertThat(off.get("sessions").asLong()).isEqualTo(2);
        assertThat(off.get("actionsPerSession").asDouble()).isCloseTo(6.0, within(1e-9));
        assertThat(off.get("meanSessionSeconds").asDouble()).isCloseTo(60.0, within(1e-9));
        assertThat(off.get("pageLoadsPerSession").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(off.get("errorSessionShare").asDouble()).isZero();
    }

    @Test
    void scoresApdexFromTheVariantsLatency() {
        JsonNode engagement = Api.get(path, "from", FROM, "to", TO);

        JsonNode on = Api.find(engagement.get("variants"), "variant", "on").get("apdex");
        assertThat(on.get("score").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(on.get("samples").asLong()).isEqualTo(100);
        assertThat(on.get("satisfied").asLong()).isEqualTo(60);
        assertThat(on.get("tolerating").asLong()).isEqualTo(30);
        assertThat(on.get("frustrated").asLong()).isEqualTo(10);
        assertThat(Api.find(engagement.get("variants"), "variant", "off").at("/apdex/score").asDouble()).isEqualTo(1.0);

        JsonNode lenient = Api.get(path, "from", FROM, "to", TO, "apdexMs", "2000");
        assertThat(lenient.get("apdexThresholdMs").asDouble()).isEqualTo(2000);
        assertThat(Api.find(lenient.get("variants"), "variant", "on").at("/apdex/score").asDouble())
                .isCloseTo(0.95, within(1e-9));
    }

    @Test
    void namesTheBadParameter() {
        Problems.assertBadParameter("apdexMs", path, "apdexMs", "0");
        Problems.assertBadParameter("apdexMs", path, "apdexMs", "fast");
        Problems.assertBadParameter("window", path, "window", "1y");
    }
}
