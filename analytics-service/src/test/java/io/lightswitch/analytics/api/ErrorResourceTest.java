package io.lightswitch.analytics.api;

import static io.lightswitch.analytics.support.Seed.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.analytics.aggregate.Sketches;
import io.lightswitch.analytics.support.Api;
import io.lightswitch.analytics.support.Problems;
import io.lightswitch.analytics.support.Seed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorResourceTest {

    private static final String ENV = "production";
    private static final String FROM = "2025-06-01T00:00:00Z";
    private static final String TO = "2025-06-02T00:00:00Z";

    @Inject
    DataSource dataSource;

    private String project;
    private String base;

    @BeforeEach
    void seed() {
        project = Api.uniqueProject("errors");
        base = "/api/v1/projects/" + project + "/environments/" + ENV;
        Seed seed = new Seed(dataSource);
        group(seed, "dark-mode", "on", "fp-a", 50, 20, "2025-06-01T02:00:00Z", "2025-06-01T20:00:00Z");
        group(seed, "dark-mode", "on", "fp-b", 80, 5, "2025-05-20T00:00:00Z", "2025-06-01T01:00:00Z");
        group(seed, "dark-mode", "on", "fp-c", 500, 100, "2025-05-01T00:00:00Z", "2025-05-31T23:00:00Z");
        group(seed, "dark-mode", "on", "fp-d", 10, 3, "2025-06-01T05:00:00Z", "2025-06-01T06:00:00Z");
        group(seed, "dark-mode", "on", "fp-e", 70, 3, "2025-06-02T01:00:00Z", "2025-06-02T02:00:00Z");
        group(seed, "dark-mode", "off", "fp-a", 5, 2, "2025-06-01T03:00:00Z", "2025-06-01T04:00:00Z");
        group(seed, "", "", "fp-a", 300, 40, "2025-05-01T00:00:00Z", "2025-06-01T20:00:00Z");
        group(seed, "", "", "fp-f", 40, 4, "2025-06-01T00:00:00Z", "2025-06-01T00:30:00Z");
        group(seed, "other-flag", "on", "fp-a", 900, 1, "2025-06-01T02:00:00Z", "2025-06-01T20:00:00Z");
    }

    private void group(Seed seed, String flag, String variant, String fingerprint, long occurrences, int users,
                       String firstSeen, String lastSeen) {
        HllSketch hll = Sketches.newUsers();
        for (int i = 0; i < users; i++) {
            hll.update("user-" + i);
        }
        seed.insert("error_group", row("id", project + "|" + flag + "|" + variant + "|" + fingerprint,
                "project", project, "environment", ENV, "flag_key", flag, "variant", variant,
                "fingerprint", fingerprint, "source", "span", "service", "checkout",
                "error_type", "TypeError " + fingerprint, "message", "cannot read <n> of undefined",
                "top_frame", "buy (app.js)", "occurrences", occurrences, "users_hll", Sketches.bytes(hll),
                "first_seen", Instant.parse(firstSeen), "last_seen", Instant.parse(lastSeen),
                "sample_stack", "TypeError\n    at buy (app.js:10:5)", "sample_message", "cannot read 3 of undefined"));
    }

    @Test
    void ranksTheErrorsOfEachVariantSeenInTheWindow() {
        JsonNode errors = Api.get(base + "/flags/dark-mode/errors", "from", FROM, "to", TO, "limit", "2");

        assertThat(errors.get("flag").asText()).isEqualTo("dark-mode");
        JsonNode variants = errors.get("variants");
        assertThat(variants).hasSize(2);
        JsonNode on = Api.find(variants, "variant", "on").get("errors");
        assertThat(on).hasSize(2);
        assertThat(on.at("/0/fingerprint").asText()).isEqualTo("fp-b");
        assertThat(on.at("/0/occurrences").asLong()).isEqualTo(80);
        assertThat(on.at("/1/fingerprint").asText()).isEqualTo("fp-a");
        JsonNode a = on.get(1);
        assertThat(a.get("users").asLong()).isCloseTo(20, within(1L));
        assertThat(a.get("firstSeen").asText()).isEqualTo("2025-06-01T02:00:00Z");
        assertThat(a.get("lastSeen").asText()).isEqualTo("2025-06-01T20:00:00Z");
        assertThat(a.get("errorType").asText()).isEqualTo("TypeError fp-a");
        assertThat(a.get("message").asText()).isEqualTo("cannot read <n> of undefined");
        assertThat(a.get("topFrame").asText()).isEqualTo("buy (app.js)");
        assertThat(a.get("source").asText()).isEqualTo("span");
        assertThat(a.get("service").asText()).isEqualTo("checkout");
        assertThat(a.get("sampleStack").asText()).isEqualTo("TypeError\n    at buy (app.js:10:5)");
        assertThat(a.get("sampleMessage").asText()).isEqualTo("cannot read 3 of undefined");

        JsonNode off = Api.find(variants, "variant", "off").get("errors");
        assertThat(off).hasSize(1);
        assertThat(off.at("/0/occurrences").asLong()).isEqualTo(5);

        JsonNode all = Api.get(base + "/flags/dark-mode/errors", "from", FROM, "to", TO);
        assertThat(Api.find(all.get("variants"), "variant", "on").get("errors")).extracting(e -> e.get("fingerprint").asText())
                .containsExactly("fp-b", "fp-a", "fp-d");
    }

    @Test
    void listsTheErrorsOfAllTraffic() {
        JsonNode errors = Api.get(base + "/errors", "from", FROM, "to", TO);

        assertThat(errors.get("flag").isNull()).isTrue();
        assertThat(errors.get("variants")).hasSize(1);
        assertThat(errors.at("/variants/0/variant").asText()).isEmpty();
        JsonNode groups = errors.at("/variants/0/errors");
        assertThat(groups).extracting(e -> e.get("fingerprint").asText()).containsExactly("fp-a", "fp-f");
        assertThat(groups.at("/0/occurrences").asLong()).isEqualTo(300);
        assertThat(groups.at("/1/users").asLong()).isCloseTo(4, within(1L));
    }

    @Test
    void namesTheBadParameter() {
        Problems.assertBadParameter("limit", base + "/flags/dark-mode/errors", "limit", "101");
        Problems.assertBadParameter("limit", base + "/errors", "limit", "ten");
        Problems.assertBadParameter("window", base + "/errors", "window", "h");
    }
}
