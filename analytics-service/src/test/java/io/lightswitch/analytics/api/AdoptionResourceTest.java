package io.lightswitch.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.analytics.support.Api;
import io.lightswitch.analytics.support.Problems;
import io.lightswitch.analytics.support.Seed;
import io.lightswitch.analytics.support.SeriesRow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdoptionResourceTest {

    private static final String ENV = "production";
    private static final String FLAG = "dark-mode";

    @Inject
    DataSource dataSource;

    private String project;
    private String path;
    private Instant now;

    @BeforeEach
    void seed() {
        project = Api.uniqueProject("adoption");
        path = "/api/v1/projects/" + project + "/environments/" + ENV + "/flags/" + FLAG + "/adoption";
        now = Instant.now();
        Seed seed = new Seed(dataSource);
        // Each observation in all three resolutions, as the intake writes it.
        observe(seed, ago(Duration.ofHours(23)), row -> row.flag(FLAG, "on").exposures(30).users("a", 1, 30));
        observe(seed, ago(Duration.ofHours(2)), row -> row.flag(FLAG, "on").exposures(40).users("a", 21, 60));
        observe(seed, ago(Duration.ofHours(1)), row -> row.flag(FLAG, "on").service("checkout", "POST /pay")
                .requests(16, 0).users("a", 55, 70));
        observe(seed, ago(Duration.ofMinutes(5)), row -> row.flag(FLAG, "on").service("browser", "/home")
                .beacons(3, 0, 0, 3, 0).users("a", 1, 3));
        observe(seed, ago(Duration.ofHours(3)), row -> row.flag(FLAG, "off").exposures(25).users("b", 1, 25));
        observe(seed, ago(Duration.ofHours(25)), row -> row.flag(FLAG, "on").exposures(100).users("a", 100, 199));
    }

    private Instant ago(Duration duration) {
        return now.minus(duration);
    }

    private void observe(Seed seed, Instant at, java.util.function.UnaryOperator<SeriesRow> fill) {
        Instant tenSeconds = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 10) * 10);
        SeriesRow row = fill.apply(SeriesRow.at(10, tenSeconds, project, ENV));
        seed.series(row);
        seed.series(row.copyAt(60));
        seed.series(row.copyAt(3600));
    }

    @Test
    void countsDistinctUsersPerVariantOverTheLast24Hours() {
        JsonNode adoption = Api.get(path, "window", "24h", "step", "1h");

        JsonNode on = Api.find(adoption.get("variants"), "variant", "on");
        assertThat(on.get("users").asLong()).isCloseTo(70, within(1L));
        assertThat(on.get("exposures").asLong()).isEqualTo(70);
        JsonNode off = Api.find(adoption.get("variants"), "variant", "off");
        assertThat(off.get("users").asLong()).isCloseTo(25, within(1L));
        assertThat(off.get("exposures").asLong()).isEqualTo(25);
        assertThat(Instant.parse(adoption.get("to").asText())).isAfterOrEqualTo(now);
        assertThat(Duration.between(Instant.parse(adoption.get("from").asText()), Instant.parse(adoption.get("to").asText())))
                .isBetween(Duration.ofHours(24), Duration.ofHours(24).plusSeconds(30));
    }

    @Test
    void countsDistinctUsersPerStep() {
        JsonNode adoption = Api.get(path, "window", "24h", "step", "1h");

        assertThat(adoption.get("resolutionSeconds").asInt()).isEqualTo(3600);
        JsonNode on = Api.find(adoption.get("variants"), "variant", "on");
        assertThat(on.get("points").size()).isBetween(24, 25);
        assertThat(point(on, ago(Duration.ofHours(23))).get("users").asLong()).isCloseTo(30, within(1L));
        assertThat(point(on, ago(Duration.ofHours(23))).get("exposures").asLong()).isEqualTo(30);
        assertThat(point(on, ago(Duration.ofHours(2))).get("users").asLong()).isCloseTo(40, within(1L));
        assertThat(point(on, ago(Duration.ofHours(1))).get("users").asLong()).isCloseTo(16, within(1L));
        assertThat(point(on, ago(Duration.ofHours(1))).get("exposures").asLong()).isZero();
        long exposures = 0;
        for (JsonNode point : on.get("points")) {
            exposures += point.get("exposures").asLong();
        }
        assertThat(exposures).isEqualTo(70);
    }

    private static JsonNode point(JsonNode variant, Instant at) {
        return Api.find(variant.get("points"), "start", at.truncatedTo(ChronoUnit.HOURS).toString());
    }

    @Test
    void anExplicitWindowCountsOnlyItsUsers() {
        Instant from = ago(Duration.ofHours(4));
        Instant to = ago(Duration.ofMinutes(90));
        JsonNode adoption = Api.get(path, "from", from.toString(), "to", to.toString(), "step", "30m");

        assertThat(adoption.get("resolutionSeconds").asInt()).isEqualTo(60);
        JsonNode on = Api.find(adoption.get("variants"), "variant", "on");
        assertThat(on.get("users").asLong()).isCloseTo(40, within(1L));
        assertThat(on.get("exposures").asLong()).isEqualTo(40);
        assertThat(Api.find(adoption.get("variants"), "variant", "off").get("users").asLong()).isCloseTo(25, within(1L));
    }

    @Test
    void namesTheBadParameter() {
        Problems.assertBadParameter("step", path, "window", "24h", "step", "25s");
        Problems.assertBadParameter("window", path, "window", "-1h");
    }
}
