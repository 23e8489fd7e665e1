package io.lightswitch.analytics.intake;

import com.rabbitmq.client.GetResponse;
import io.lightswitch.analytics.support.Broker;
import io.lightswitch.analytics.support.Db;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Messages published to the real exchanges end up, exactly once, in the analytics schema. */
@QuarkusTest
class IntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String project() {
        return "intake-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long seriesSum(String column, String project, String flag, String variant, int resolution) {
        return Db.count("select coalesce(sum(" + column + "), 0) from analytics.series where project = ? and "
                + "flag_key = ? and variant = ? and resolution = ?", project, flag, variant, resolution);
    }

    @Test
    void spansCountPerVariantAndForAllTrafficAtEveryResolution() throws Exception {
        String project = project();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<NormalizedSpan> spans = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean on = i < 10;
            spans.add(Telemetry.serverSpan("checkout", "POST /pay", now, 40_000 + i * 100L, on && i < 5,
                    "user-" + i, "session-" + i, Map.of("dark-mode", on ? "on" : "off")));
        }
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH,
                Telemetry.spans(UUID.randomUUID(), project, "production", spans));

        await().atMost(WAIT).until(() -> seriesSum("requests", project, "", "", 10) == 100);
        for (int resolution : new int[]{10, 60, 3600}) {
            assertThat(seriesSum("requests", project, "", "", resolution)).isEqualTo(100);
            assertThat(seriesSum("requests", project, "dark-mode", "on", resolution)).isEqualTo(10);
            assertThat(seriesSum("errors", project, "dark-mode", "on", resolution)).isEqualTo(5);
            assertThat(seriesSum("requests", project, "dark-mode", "off", resolution)).isEqualTo(90);
            assertThat(seriesSum("errors", project, "dark-mode", "off", resolution)).isEqualTo(0);
        }
        assertThat(Db.value("select operation from analytics.series where project = ? and flag_key = '' limit 1",
                project)).isEqualTo("POST /pay");
        assertThat(Db.count("select count(*) from analytics.session where project = ?", project)).isEqualTo(100);
        assertThat(Db.count("select sum(occurrences) from analytics.error_group where project = ? and flag_key = 'dark-mode'"
                + " and variant = 'on'", project)).isEqualTo(5);
    }

    @Test
    void aRedeliveredMessageIsNotCountedTwice() throws Exception {
        String project = project();
        UUID id = UUID.randomUUID();
        byte[] body = Telemetry.spans(id, project, "production", List.of(
                Telemetry.serverSpan("checkout", "GET /cart", Instant.now(), 10_000, false, "u1", null, Map.of())));
        double duplicatesBefore = duplicates();
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, body, body);
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, body);
        await().atMost(WAIT).until(() -> duplicates() - duplicatesBefore >= 2);
        assertThat(seriesSum("requests", project, "", "", 10)).isEqualTo(1);
        assertThat(duplicates() - duplicatesBefore).isEqualTo(2);
    }

    /** Duplicates the running app reports on /q/metrics (the value is the second field: an exemplar may follow). */
    private static double duplicates() {
        return io.restassured.RestAssured.get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("lightswitch_analytics_messages_duplicate_total "))
                .mapToDouble(line -> Double.parseDouble(line.split("\\s+")[1]))
                .findFirst().orElse(0);
    }

    @Test
    void aRowDeletedAfterItWasWrittenIsCreatedAgain() throws Exception {
        String project = project();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, Telemetry.spans(UUID.randomUUID(), project,
                "production", List.of(Telemetry.serverSpan("checkout", "GET /", at, 1_000, false, null, null, Map.of()))));
        await().atMost(WAIT).until(() -> seriesSum("requests", project, "", "", 10) == 1);
        // As retention would: the replica still believes the rows exist.
        Db.count("with gone as (delete from analytics.series where project = ? returning 1) select count(*) from gone",
                project);

        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, Telemetry.spans(UUID.randomUUID(), project,
                "production", List.of(Telemetry.serverSpan("checkout", "GET /", at, 1_000, true, null, null, Map.of()))));
        await().atMost(WAIT).until(() -> seriesSum("requests", project, "", "", 10) == 1);
        assertThat(seriesSum("errors", project, "", "", 10)).isEqualTo(1);
        assertThat(seriesSum("requests", project, "", "", 3600)).isEqualTo(1);
    }

    @Test
    void aPoisonMessageReachesTheDeadLetterQueueWithItsReason() throws Exception {
        Broker.drain(IntakeChannels.INGEST_QUEUE + ".dlq");
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, "{not json".getBytes());
        List<GetResponse> dead = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            dead.addAll(Broker.drain(IntakeChannels.INGEST_QUEUE + ".dlq"));
            return !dead.isEmpty();
        });
        assertThat(new String(dead.get(0).getBody())).isEqualTo("{not json");
        assertThat(dead.get(0).getProps().getHeaders().get(IntakeChannels.REASON_HEADER).toString())
                .startsWith("not a Lightswitch envelope");
    }

    @Test
    void telemetryWithoutFlagsJoinsTheVariantItsUserWasExposedTo() throws Exception {
        String project = project();
        Instant now = Instant.now();
        Broker.publish(Exchanges.FLAG_EVENTS, RoutingKeys.FLAG_EXPOSED, Telemetry.exposed(UUID.randomUUID(), project,
                "production", List.of(new FlagExposed.Exposure("dark-mode", "on", "user-7", now),
                        new FlagExposed.Exposure("dark-mode", "off", "user-8", now))));
        await().atMost(WAIT).until(() -> Db.count("select count(*) from analytics.exposure where project = ?", project) == 2);
        assertThat(seriesSum("exposures", project, "dark-mode", "on", 60)).isEqualTo(1);

        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, Telemetry.spans(UUID.randomUUID(), project,
                "production", List.of(
                        Telemetry.serverSpan("checkout", "POST /pay", now, 30_000, true, "user-7", null, Map.of()),
                        Telemetry.serverSpan("checkout", "POST /pay", now, 30_000, false, "user-8", null, Map.of()),
                        Telemetry.serverSpan("checkout", "POST /pay", now, 30_000, false, "user-9", null, Map.of()))));
        await().atMost(WAIT).until(() -> seriesSum("requests", project, "", "", 10) == 3);
        assertThat(seriesSum("requests", project, "dark-mode", "on", 10)).isEqualTo(1);
        assertThat(seriesSum("errors", project, "dark-mode", "on", 10)).isEqualTo(1);
        assertThat(seriesSum("requests", project, "dark-mode", "off", 10)).isEqualTo(1);
    }

    @Test
    void beaconsBuildSessionsWithTimelinesAndBrowserSeries() throws Exception {
        String project = project();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var events = List.of(
                RumEvent.pageLoad(t0, 120.0, 1800.0, 90.0, 0.02),
                RumEvent.action(t0.plusSeconds(2), "click", "button#buy"),
                RumEvent.jsError(t0.plusSeconds(3), "Cannot read properties of undefined (reading 'price')",
                        "TypeError", "TypeError: x\n    at render (https://shop.example/app.js:10:5)",
                        "https://shop.example/app.js", 10, 5),
                RumEvent.custom(t0.plusSeconds(4), "checkout", 1.0, null),
                RumEvent.replay(t0.plusSeconds(5), 0, io.lightswitch.contracts.MessageCodec.mapper().createArrayNode()
                        .add(io.lightswitch.contracts.MessageCodec.mapper().createObjectNode().put("type", 2))));
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.RUM_BATCH, Telemetry.rum(UUID.randomUUID(),
                Telemetry.beacon(project, "production", "sess-1", "user-1", Map.of("dark-mode", "on"), events)));

        await().atMost(WAIT).until(() -> Db.count("select count(*) from analytics.session where project = ?", project) == 1);
        Map<String, Object> session = Db.rows("select * from analytics.session where project = ?", project).get(0);
        assertThat(session).containsEntry("session_id", "sess-1").containsEntry("user_id", "user-1")
                .containsEntry("browser", "Chrome").containsEntry("os", "Windows").containsEntry("country", "DE")
                .containsEntry("error_count", 1L).containsEntry("page_loads", 1L).containsEntry("actions", 1L)
                .containsEntry("replay_chunks", 1L);
        assertThat(session.get("flags").toString()).contains("\"dark-mode\": \"on\"");
        assertThat(Db.rows("select e ->> 'kind' as kind from analytics.session_event, jsonb_array_elements(entries) e "
                + "where project = ? order by e ->> 'at'", project))
                .extracting(row -> row.get("kind")).containsExactly("page_load", "action", "js_error", "custom");
        assertThat(Db.count("select count(*) from analytics.session_replay where project = ?", project)).isEqualTo(1);
        Map<String, Object> browser = Db.rows("select * from analytics.series where project = ? and flag_key = 'dark-mode'"
                + " and resolution = 60 and service = 'browser'", project).get(0);
        assertThat(browser).containsEntry("operation", "/products/:id").containsEntry("beacons", 1L)
                .containsEntry("beacons_js_error", 1L).containsEntry("page_loads", 1L).containsEntry("lcp_n", 1L);
        assertThat(browser.get("custom_events").toString()).contains("\"checkout\": 1");
        assertThat(Db.rows("select error_type, top_frame, occurrences from analytics.error_group where project = ? "
                + "and flag_key = 'dark-mode'", project).get(0))
                .containsEntry("error_type", "TypeError").containsEntry("occurrences", 1L);
    }

    @Test
    void aCallAcrossServicesIsCountedWhicheverEndArrivesFirst() throws Exception {
        String project = project();
        Instant now = Instant.now();
        String trace = Telemetry.id(16);
        String clientSpan = Telemetry.id(8);
        // The callee's entry span usually ends, and is exported, first.
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, Telemetry.spans(UUID.randomUUID(), project,
                "production", List.of(Telemetry.span(trace, Telemetry.id(8), clientSpan, "payments", "POST /charge",
                        NormalizedSpan.SERVER, now, true, Map.of("dark-mode", "on")))));
        await().atMost(WAIT).until(() -> Db.count("select count(*) from analytics.span_end where project = ?", project) == 1);
        Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, Telemetry.spans(UUID.randomUUID(), project,
                "production", List.of(Telemetry.span(trace, clientSpan, Telemetry.id(8), "checkout", "POST payments",
                        NormalizedSpan.CLIENT, now, false, Map.of("dark-mode", "on")))));
        await().atMost(WAIT).until(() -> Db.count("select coalesce(sum(calls), 0) from analytics.dependency_edge where project = ?"
                + " and flag_key = ''", project) == 1);
        assertThat(Db.rows("select caller, callee, calls, errors from analytics.dependency_edge where project = ? "
                + "and flag_key = 'dark-mode' and variant = 'on'", project).get(0))
                .containsEntry("caller", "checkout").containsEntry("callee", "payments")
                .containsEntry("calls", 1L).containsEntry("errors", 1L);
        assertThat(Db.count("select count(*) from analytics.span_end where project = ?", project)).isZero();
    }

    @Test
    void flagChangesFormTheTimelineAndTheLatestState() throws Exception {
        String project = project();
        Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Broker.publish(Exchanges.FLAG_EVENTS, RoutingKeys.FLAG_CHANGED,
                Telemetry.changed(UUID.randomUUID(), first, Telemetry.rollout(project, "production", "dark-mode", 2, 10)),
                Telemetry.changed(UUID.randomUUID(), first.plusSeconds(30),
                        Telemetry.rollout(project, "production", "dark-mode", 3, 50)));
        await().atMost(WAIT).until(() -> Db.count("select count(*) from analytics.flag_change where project = ?",
                project) == 2);
        Map<String, Object> state = Db.rows("select * from analytics.flag_state where project = ?", project).get(0);
        assertThat(state).containsEntry("flag_version", 3L).containsEntry("enabled", true)
                .containsEntry("off_variant", "off").containsEntry("deleted", false);
        assertThat(((java.sql.Timestamp) state.get("changed_at")).toInstant()).isEqualTo(first.plusSeconds(30));
    }
}
