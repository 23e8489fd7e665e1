package io.lightswitch.analytics.api;

import static io.lightswitch.analytics.support.Seed.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.analytics.support.Api;
import io.lightswitch.analytics.support.Problems;
import io.lightswitch.analytics.support.Seed;
import io.lightswitch.analytics.support.SeriesRow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DependencyResourceTest {

    private static final String ENV = "production";
    private static final String FROM = "2025-04-01T00:00:00Z";
    private static final String TO = "2025-04-01T02:00:00Z";

    @Inject
    DataSource dataSource;

    private String project;
    private String path;

    @BeforeEach
    void seed() {
        project = Api.uniqueProject("dependencies");
        path = "/api/v1/projects/" + project + "/environments/" + ENV + "/dependencies";
        Seed seed = new Seed(dataSource);
        seed.series(hour("00").service("frontend", "GET /").requests(600, 6));
        seed.series(hour("01").service("frontend", "GET /").requests(400, 4));
        seed.series(hour("00").service("checkout", "POST /pay").requests(500, 25));
        seed.series(hour("00").service("payments", "POST /charge").requests(200, 20));
        seed.series(hour("00").service("browser", "/home").beacons(50, 0, 0, 50, 0));
        seed.series(hour("03").service("frontend", "GET /").requests(9999, 0));
        seed.series(hour("00").flag("dark-mode", "on").service("checkout", "POST /pay").requests(100, 10));
        seed.series(hour("00").flag("dark-mode", "off").service("checkout", "POST /pay").requests(400, 4));
        seed.series(hour("00").flag("dark-mode", "on").exposures(100).users("u", 1, 5));

        edge(seed, "", "", "frontend", "checkout", "00:10", 300, 3);
        edge(seed, "", "", "frontend", "checkout", "01:20", 200, 2);
        edge(seed, "", "", "checkout", "payments", "00:30", 200, 20);
        edge(seed, "", "", "checkout", "fraud", "00:31", 50, 0);
        edge(seed, "", "", "frontend", "checkout", "03:00", 999, 0);
        edge(seed, "dark-mode", "on", "frontend", "checkout", "00:10", 100, 10);
        edge(seed, "dark-mode", "off", "frontend", "checkout", "00:10", 400, 4);
    }

    private SeriesRow hour(String hour) {
        return SeriesRow.at(3600, "2025-04-01T" + hour + ":00:00Z", project, ENV);
    }

    private void edge(Seed seed, String flag, String variant, String caller, String callee, String minute, long calls,
                      long errors) {
        seed.insert("dependency_edge", row("project", project, "environment", ENV,
                "bucket_start", Instant.parse("2025-04-01T" + minute + ":00Z"), "flag_key", flag, "variant", variant,
                "caller", caller, "callee", callee, "calls", calls, "errors", errors));
    }

    @Test
    void mapsServicesAndCallsOfAllTraffic() {
        JsonNode map = Api.get(path, "from", FROM, "to", TO);

        assertThat(map.get("flag").isNull()).isTrue();
        assertThat(map.get("nodes")).extracting(n -> n.get("service").asText())
                .containsExactly("checkout", "fraud", "frontend", "payments");
        JsonNode frontend = Api.find(map.get("nodes"), "service", "frontend").at("/variants/0");
        assertThat(frontend.get("variant").asText()).isEmpty();
        assertThat(frontend.get("requests").asLong()).isEqualTo(1000);
        assertThat(frontend.get("errors").asLong()).isEqualTo(10);
        assertThat(frontend.get("errorRate").asDouble()).isCloseTo(0.01, within(1e-12));
        assertThat(Api.find(map.get("nodes"), "service", "payments").at("/variants/0/errorRate").asDouble())
                .isCloseTo(0.1, within(1e-12));
        assertThat(Api.find(map.get("nodes"), "service", "fraud").get("variants")).isEmpty();

        JsonNode edges = map.get("edges");
        assertThat(edges).hasSize(3);
        assertThat(edges.at("/0/caller").asText()).isEqualTo("checkout");
        assertThat(edges.at("/0/callee").asText()).isEqualTo("fraud");
        assertThat(edges.at("/1/callee").asText()).isEqualTo("payments");
        assertThat(edges.at("/1/variants/0/errorRate").asDouble()).isCloseTo(0.1, within(1e-12));
        JsonNode frontendToCheckout = edges.get(2);
        assertThat(frontendToCheckout.get("caller").asText()).isEqualTo("frontend");
        assertThat(frontendToCheckout.at("/variants/0/calls").asLong()).isEqualTo(500);
        assertThat(frontendToCheckout.at("/variants/0/errors").asLong()).isEqualTo(5);
        assertThat(frontendToCheckout.at("/variants/0/errorRate").asDouble()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void splitsTheMapByAFlagsVariants() {
        JsonNode map = Api.get(path, "from", FROM, "to", TO, "flag", "dark-mode");

        assertThat(map.get("flag").asText()).isEqualTo("dark-mode");
        assertThat(map.get("nodes")).extracting(n -> n.get("service").asText()).containsExactly("checkout", "frontend");
        JsonNode checkout = Api.find(map.get("nodes"), "service", "checkout").get("variants");
        assertThat(Api.find(checkout, "variant", "on").get("errorRate").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(Api.find(checkout, "variant", "off").get("errorRate").asDouble()).isCloseTo(0.01, within(1e-12));
        assertThat(Api.find(map.get("nodes"), "service", "frontend").get("variants")).isEmpty();

        JsonNode traffic = map.at("/edges/0/variants");
        assertThat(Api.find(traffic, "variant", "on").get("calls").asLong()).isEqualTo(100);
        assertThat(Api.find(traffic, "variant", "on").get("errorRate").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(Api.find(traffic, "variant", "off").get("errorRate").asDouble()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void namesTheBadParameter() {
        Problems.assertBadParameter("from", path, "from", "2025-04-01");
        Problems.assertBadParameter("window", path, "window", "24h", "to", TO);
    }
}
