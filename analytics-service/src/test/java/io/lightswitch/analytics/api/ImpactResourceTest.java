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
class ImpactResourceTest {

    private static final String ENV = "production";
    private static final String FLAG = "dark-mode";
    private static final String FROM = "2025-01-01T00:00:00Z";
    private static final String TO = "2025-01-01T01:00:00Z";

    @Inject
    DataSource dataSource;

    private String project;
    private String path;

    @BeforeEach
    void seed() {
        project = Api.uniqueProject("impact");
        path = "/api/v1/projects/" + project + "/environments/" + ENV + "/flags/" + FLAG + "/impact";
        Seed seed = new Seed(dataSource);

        // Variant on, first half hour: two services' entry spans with the same latency mix, RUM, exposures.
        seed.series(minute("00:05").flag(FLAG, "on").service("checkout", "POST /pay").requests(500, 10)
                .latency(100, 300).latency(200, 180).latency(500, 15).latency(2000, 5).users("u", 71, 100));
        seed.series(minute("00:10").flag(FLAG, "on").service("api", "GET /items").requests(500, 20)
                .latency(100, 300).latency(200, 180).latency(500, 15).latency(2000, 5));
        seed.series(minute("00:05").flag(FLAG, "on").service("browser", "/home").beacons(200, 10, 15, 100, 300)
                .lcp(1500, 100).inp(120, 50).cls(0.1, 100).users("u", 1, 50));
        seed.series(minute("00:05").flag(FLAG, "on").exposures(400).users("u", 1, 80));
        // Variant on, second half hour.
        seed.series(minute("00:40").flag(FLAG, "on").service("checkout", "POST /pay").requests(10, 1)
                .latency(300, 10).users("u", 1, 10));
        // Variant off: first half hour only.
        seed.series(minute("00:05").flag(FLAG, "off").service("checkout", "POST /pay").requests(1000, 10)
                .latency(100, 1000));
        seed.series(minute("00:05").flag(FLAG, "off").exposures(300).users("v", 1, 60));

        // Rows the answer must leave out: other resolutions, outside the window, other flags and environments.
        seed.series(SeriesRow.at(10, "2025-01-01T00:05:00Z", project, ENV).flag(FLAG, "on")
                .service("checkout", "POST /pay").requests(999_999, 0));
        // The hourly rows hold the hour's users, as the intake writes every resolution: window totals
        // read users from them; their counters must not leak into the minute series.
        seed.series(SeriesRow.at(3600, FROM, project, ENV).flag(FLAG, "on").service("checkout", "POST /pay")
                .requests(777_777, 0).users("u", 1, 100));
        seed.series(SeriesRow.at(3600, FROM, project, ENV).flag(FLAG, "off").exposures(300).users("v", 1, 60));
        seed.series(minute("01:00").flag(FLAG, "on").service("checkout", "POST /pay").requests(555, 0));
        seed.series(minute("00:05").flag("other-flag", "on").service("checkout", "POST /pay").requests(444, 0));
        seed.series(SeriesRow.at(60, "2025-01-01T00:05:00Z", project, "staging").flag(FLAG, "on")
                .service("checkout", "POST /pay").requests(333, 0));
        seed.series(minute("00:05").service("checkout", "POST /pay").requests(222, 0));

        change(seed, "c1", ENV, FLAG, 3, "rollout", "2025-01-01T00:20:00Z");
        change(seed, "c2", null, FLAG, 4, "updated", "2025-01-01T00:50:00Z");
        change(seed, "c3", ENV, FLAG, 5, "disabled", "2025-01-01T02:00:00Z");
        change(seed, "c4", ENV, "other-flag", 1, "created", "2025-01-01T00:30:00Z");

        verdict(seed, FLAG, "on", "latency", "healthy", null);
        verdict(seed, FLAG, "on", "error_rate", "degraded", 1);
        verdict(seed, "other-flag", "on", "error_rate", "degraded", 2);
        verdictChange(seed, "error_rate", "degraded", "healthy", "2025-01-01T00:30:00Z");
        verdictChange(seed, "latency", "healthy", "insufficient-data", "2025-01-01T03:00:00Z");
    }

    private SeriesRow minute(String time) {
        return SeriesRow.at(60, "2025-01-01T" + time + ":00Z", project, ENV);
    }

    private void change(Seed seed, String id, String environment, String flag, long version, String change, String at) {
        seed.insert("flag_change", row("id", project + "-" + id, "project", project, "environment", environment,
                "flag_key", flag, "flag_version", version, "change", change, "actor_kind", "user",
                "actor_id", "alice", "actor_name", "Alice", "reason", "ramp " + id, "occurred_at", Instant.parse(at),
                "source", "flag-service", "before_state", new Json("{\"rollout\":10}"),
                "after_state", new Json("{\"rollout\":50}")));
    }

    private void verdict(Seed seed, String flag, String variant, String metric, String status, Integer rank) {
        seed.insert("verdict", row("project", project, "environment", ENV, "flag_key", flag, "variant", variant,
                "metric", metric, "status", status, "previous_status", "healthy", "reason", "contrast",
                "evidence", new Json("{\"metric\":\"" + metric + "\",\"treatmentSamples\":1010,\"effect\":0.02}"),
                "assessed_at", Instant.parse("2025-01-01T00:59:00Z"), "since", Instant.parse("2025-01-01T00:30:00Z"),
                "sentence", metric + " is " + status + " for " + flag + "=" + variant, "rank", rank));
    }

    private void verdictChange(Seed seed, String metric, String status, String previous, String at) {
        seed.insert("verdict_change", row("project", project, "environment", ENV, "flag_key", FLAG, "variant", "on",
                "metric", metric, "status", status, "previous_status", previous, "reason", "contrast",
                "evidence", new Json("{\"effect\":0.02}"), "sentence", metric + " became " + status,
                "at", Instant.parse(at)));
    }

    private JsonNode impact() {
        return Api.get(path, "from", FROM, "to", TO, "step", "30m");
    }

    @Test
    void seriesPerVariantFromTheMinuteBucketsOfTheWindow() {
        JsonNode impact = impact();

        assertThat(impact.get("from").asText()).isEqualTo(FROM);
        assertThat(impact.get("to").asText()).isEqualTo(TO);
        assertThat(impact.get("step").asText()).isEqualTo("30m");
        assertThat(impact.get("resolutionSeconds").asInt()).isEqualTo(60);
        assertThat(impact.get("variants")).hasSize(2);
        assertThat(impact.at("/variants/0/variant").asText()).isEqualTo("off");

        JsonNode on = Api.find(impact.get("variants"), "variant", "on");
        assertThat(on.get("points")).hasSize(2);
        JsonNode first = on.at("/points/0");
        assertThat(first.get("start").asText()).isEqualTo(FROM);
        JsonNode m = first.get("metrics");
        assertThat(m.get("requests").asLong()).isEqualTo(1000);
        assertThat(m.get("errors").asLong()).isEqualTo(30);
        assertThat(m.get("errorRate").asDouble()).isCloseTo(0.03, within(1e-12));
        assertThat(m.get("latencyP50Ms").asDouble()).isCloseTo(100, within(2.0));
        assertThat(m.get("latencyP95Ms").asDouble()).isCloseTo(200, within(4.0));
        assertThat(m.get("latencyP99Ms").asDouble()).isCloseTo(500, within(10.0));
        double geoMean = Math.exp((600 * Math.log(100) + 360 * Math.log(200) + 30 * Math.log(500)
                + 10 * Math.log(2000)) / 1000);
        assertThat(m.get("latencyGeoMeanMs").asDouble()).isCloseTo(geoMean, within(1e-9));
        // Points carry no users (per-step users come from /adoption); the window total does.
        assertThat(m.path("users").isNull() || m.path("users").isMissingNode()).isTrue();
        assertThat(m.get("exposures").asLong()).isEqualTo(400);
        assertThat(m.get("beacons").asLong()).isEqualTo(200);
        assertThat(m.get("jsErrors").asLong()).isEqualTo(15);
        assertThat(m.get("jsErrorRate").asDouble()).isCloseTo(0.05, within(1e-12));
        assertThat(m.get("pageLoads").asLong()).isEqualTo(100);
        assertThat(m.get("actions").asLong()).isEqualTo(300);
        assertThat(m.get("lcpGeoMeanMs").asDouble()).isCloseTo(1500, within(1e-6));
        assertThat(m.get("inpGeoMeanMs").asDouble()).isCloseTo(120, within(1e-6));
        assertThat(m.get("clsGeoMean").asDouble()).isCloseTo(0.1, within(1e-9));

        JsonNode second = on.at("/points/1");
        assertThat(second.get("start").asText()).isEqualTo("2025-01-01T00:30:00Z");
        assertThat(second.at("/metrics/requests").asLong()).isEqualTo(10);
        assertThat(second.at("/metrics/errorRate").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(second.at("/metrics/latencyP99Ms").asDouble()).isCloseTo(300, within(6.0));
        assertThat(second.at("/metrics/jsErrorRate").isNull()).isTrue();

        JsonNode total = on.get("total");
        assertThat(total.get("requests").asLong()).isEqualTo(1010);
        assertThat(total.get("errors").asLong()).isEqualTo(31);
        assertThat(total.get("users").asLong()).isCloseTo(100, within(1L));
        assertThat(total.get("latencyP50Ms").asDouble()).isCloseTo(100, within(2.0));
        assertThat(total.get("latencyP95Ms").asDouble()).isCloseTo(200, within(4.0));
        assertThat(total.get("latencyP99Ms").asDouble()).isCloseTo(500, within(10.0));

        JsonNode off = Api.find(impact.get("variants"), "variant", "off");
        assertThat(off.at("/points/0/metrics/requests").asLong()).isEqualTo(1000);
        assertThat(off.at("/points/0/metrics/errorRate").asDouble()).isCloseTo(0.01, within(1e-12));
        assertThat(off.at("/points/0/metrics/latencyP99Ms").asDouble()).isCloseTo(100, within(2.0));
        assertThat(off.get("total").get("users").asLong()).isCloseTo(60, within(1L));
        assertThat(off.at("/points/0/metrics/exposures").asLong()).isEqualTo(300);
        assertThat(off.at("/points/1/metrics/requests").asLong()).isZero();
        assertThat(off.at("/points/1/metrics/errorRate").isNull()).isTrue();
        assertThat(off.at("/points/1/metrics/latencyP50Ms").isNull()).isTrue();
    }

    @Test
    void annotatesTheSeriesWithChangesAndVerdicts() {
        JsonNode impact = impact();

        JsonNode changes = impact.get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.at("/0/id").asText()).isEqualTo(project + "-c1");
        assertThat(changes.at("/0/version").asLong()).isEqualTo(3);
        assertThat(changes.at("/0/change").asText()).isEqualTo("rollout");
        assertThat(changes.at("/0/actor/name").asText()).isEqualTo("Alice");
        assertThat(changes.at("/0/reason").asText()).isEqualTo("ramp c1");
        assertThat(changes.at("/0/after/rollout").asInt()).isEqualTo(50);
        assertThat(changes.at("/1/id").asText()).isEqualTo(project + "-c2");
        assertThat(changes.at("/1/environment").isNull()).isTrue();

        JsonNode verdicts = impact.get("verdicts");
        assertThat(verdicts).hasSize(2);
        assertThat(verdicts.at("/0/metric").asText()).isEqualTo("error_rate");
        assertThat(verdicts.at("/0/status").asText()).isEqualTo("degraded");
        assertThat(verdicts.at("/0/rank").asInt()).isEqualTo(1);
        assertThat(verdicts.at("/0/sentence").asText()).isEqualTo("error_rate is degraded for dark-mode=on");
        assertThat(verdicts.at("/0/evidence/treatmentSamples").asLong()).isEqualTo(1010);
        assertThat(verdicts.at("/0/since").asText()).isEqualTo("2025-01-01T00:30:00Z");
        assertThat(verdicts.at("/0/service").asText()).isEmpty();
        assertThat(verdicts.at("/1/metric").asText()).isEqualTo("latency");
        assertThat(verdicts.at("/1/rank").isNull()).isTrue();

        JsonNode verdictChanges = impact.get("verdictChanges");
        assertThat(verdictChanges).hasSize(1);
        assertThat(verdictChanges.at("/0/at").asText()).isEqualTo("2025-01-01T00:30:00Z");
        assertThat(verdictChanges.at("/0/status").asText()).isEqualTo("degraded");
        assertThat(verdictChanges.at("/0/previousStatus").asText()).isEqualTo("healthy");
        assertThat(verdictChanges.at("/0/evidence/effect").asDouble()).isEqualTo(0.02);
    }

    @Test
    void readsHourlyBucketsForAnHourlyStep() {
        JsonNode impact = Api.get(path, "from", FROM, "to", TO, "step", "1h");

        assertThat(impact.get("resolutionSeconds").asInt()).isEqualTo(3600);
        assertThat(Api.find(impact.get("variants"), "variant", "on").at("/points/0/metrics/requests").asLong())
                .isEqualTo(777_777);
    }

    @Test
    void anUnknownFlagHasNoVariants() {
        JsonNode impact = Api.get("/api/v1/projects/" + project + "/environments/" + ENV + "/flags/nope/impact",
                "window", "1h");

        assertThat(impact.get("variants")).isEmpty();
        assertThat(impact.get("verdicts")).isEmpty();
    }

    @Test
    void namesTheBadParameter() {
        Problems.assertBadParameter("step", path, "from", FROM, "to", TO, "step", "15s");
        Problems.assertBadParameter("step", path, "from", FROM, "to", TO, "step", "soon");
        Problems.assertBadParameter("step", path, "window", "30d", "step", "1m");
        Problems.assertBadParameter("window", path, "window", "3 days");
        Problems.assertBadParameter("from", path, "from", TO, "to", FROM);
        Problems.assertBadParameter("to", path, "from", FROM, "to", "later");
    }
}
