package io.lightswitch.analytics.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.analytics.support.Api;
import io.lightswitch.analytics.support.Broker;
import io.lightswitch.analytics.support.Telemetry;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.RumEvent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From the real exchanges to the query API: what ingest-service and flag-service publish is what the
 * impact, adoption, session and change endpoints answer, and a redelivered batch changes nothing.
 */
@QuarkusTest
class IntakeToQueryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void publishedTelemetryIsWhatTheApiAnswers() throws Exception {
        String project = Api.uniqueProject("e2e");
        String base = "/api/v1/projects/" + project + "/environments/production";
        Instant now = Instant.now();
        Broker.publish(Exchanges.FLAG_EVENTS, RoutingKeys.FLAG_CHANGED, Telemetry.changed(UUID.randomUUID(),
                now.minusSeconds(120), Telemetry.rollout(project, "production", "dark-mode", 2, 10)));
        Broker.publish(Exchanges.FLAG_EVENTS, RoutingKeys.FLAG_EXPOSED, Telemetry.exposed(UUID.randomUUID(), project,
                "production", List.of(new FlagExposed.Exposure("dark-mode", "on", "user-1", now),
                        new FlagExposed.Exposure("dark-mode", "on", "user-2", now),
                        new FlagExposed.Exposure("dark-mode", "off", "user-3", now))));
        List<NormalizedSpan> spans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean on = i % 4 == 0;
            spans.add(Telemetry.serverSpan("checkout", "POST /pay", now, on ? 80_000 : 40_000, on && i % 8 == 0,
                    "user-" + (i % 4 + 1), "sess-" + (i % 4 + 1), Map.of("dark-mode", on ? "on" : "off")));
        }
        byte[] batch = Telemetry.spans(UUID.randomUUID(), project, "production", spans);
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, batch, batch);
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.RUM_BATCH, Telemetry.rum(UUID.randomUUID(),
                Telemetry.beacon(project, "production", "sess-1", "user-1", Map.of("dark-mode", "on"),
                        List.of(RumEvent.pageLoad(now, 100.0, 1200.0, 80.0, 0.01),
                                RumEvent.jsError(now.plusSeconds(1), "boom", "Error", null, null, null, null)))));

        await().atMost(WAIT).until(() -> requests(Api.get(base + "/flags/dark-mode/impact", "window", "1h",
                "step", "10m"), "on") == 10);
        JsonNode impact = Api.get(base + "/flags/dark-mode/impact", "window", "1h", "step", "10m");
        JsonNode on = Api.find(impact.get("variants"), "variant", "on").get("total");
        JsonNode off = Api.find(impact.get("variants"), "variant", "off").get("total");
        assertThat(on.get("requests").asLong()).isEqualTo(10);
        assertThat(on.get("errors").asLong()).isEqualTo(5);
        assertThat(on.get("latencyP50Ms").asDouble()).isBetween(78.0, 82.0);
        assertThat(off.get("requests").asLong()).isEqualTo(30);
        assertThat(off.get("errors").asLong()).isZero();
        assertThat(on.get("beacons").asLong()).isEqualTo(1);
        assertThat(on.get("jsErrors").asLong()).isEqualTo(1);
        assertThat(impact.get("changes")).hasSize(1);

        JsonNode adoption = Api.get(base + "/flags/dark-mode/adoption", "window", "1h");
        assertThat(Api.find(adoption.get("variants"), "variant", "on").get("users").asLong()).isEqualTo(2);
        assertThat(Api.find(adoption.get("variants"), "variant", "off").get("users").asLong()).isEqualTo(3);

        JsonNode sessions = Api.get(base + "/sessions", "flag", "dark-mode", "variant", "on");
        assertThat(sessions.get("sessions")).extracting(s -> s.get("id").asText()).containsExactly("sess-1");
        JsonNode detail = Api.get(base + "/sessions/sess-1");
        assertThat(detail.toString()).contains("js_error").contains("page_load");
    }

    private static long requests(JsonNode impact, String variant) {
        JsonNode found = impact.get("variants") == null ? null : findOrNull(impact.get("variants"), variant);
        return found == null ? 0 : found.get("total").get("requests").asLong();
    }

    private static JsonNode findOrNull(JsonNode variants, String variant) {
        for (JsonNode node : variants) {
            if (variant.equals(node.get("variant").asText())) {
                return node;
            }
        }
        return null;
    }
}
