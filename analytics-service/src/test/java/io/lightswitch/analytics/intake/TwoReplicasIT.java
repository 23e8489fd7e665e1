package io.lightswitch.analytics.intake;

import io.lightswitch.analytics.support.AnalyticsEventTap;
import io.lightswitch.analytics.support.Broker;
import io.lightswitch.analytics.support.Db;
import io.lightswitch.analytics.support.Telemetry;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the packaged service share the intake queue and both run the detection job: every
 * message, and every redelivered copy, counts exactly once, each replica takes part, and a regression
 * is announced once.
 */
class TwoReplicasIT {

    private static final String QUEUE = "analytics-it.ingest";
    private static final int MESSAGES = 120;
    private static final int SPANS = 100;
    private static final List<Process> replicas = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String project = "replicas-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m", "-XX:+UseSerialGC", "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/replica-" + i + ".log"));
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/test");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            env.put("MP_MESSAGING_INCOMING_INGEST_EVENTS_QUEUE_NAME", QUEUE);
            env.put("MP_MESSAGING_INCOMING_INGEST_EVENTS_DEAD_LETTER_QUEUE_NAME", QUEUE + ".dlq");
            env.put("MP_MESSAGING_INCOMING_FLAG_EVENTS_QUEUE_NAME", "analytics-it.flags");
            env.put("MP_MESSAGING_INCOMING_FLAG_EVENTS_DEAD_LETTER_QUEUE_NAME", "analytics-it.flags.dlq");
            env.put("LIGHTSWITCH_DETECTION_INTERVAL", "1s");
            env.put("LIGHTSWITCH_RETENTION_ENABLED", "false");
            env.put("LIGHTSWITCH_FLAG_SERVICE_URL", "http://127.0.0.1:9");
            replicas.add(builder.start());
            ports.add(port);
        }
        for (int port : ports) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(port, "/q/health/live") == 200);
        }
    }

    @AfterAll
    static void stop() {
        replicas.forEach(Process::destroy);
    }

    @Test
    void everyMessageCountsOnceAndARegressionIsAnnouncedOnce() throws Exception {
        try (AnalyticsEventTap tap = new AnalyticsEventTap()) {
            Instant changedAt = Instant.now().minusSeconds(30);
            Broker.publish(Exchanges.FLAG_EVENTS, RoutingKeys.FLAG_CHANGED, Telemetry.changed(UUID.randomUUID(),
                    changedAt, Telemetry.rollout(project, "production", "it-flag", 2, 10)));

            List<byte[]> bodies = new ArrayList<>();
            int expectedErrorsOn = 0;
            for (int m = 0; m < MESSAGES; m++) {
                List<NormalizedSpan> spans = new ArrayList<>();
                for (int s = 0; s < SPANS; s++) {
                    boolean on = s % 10 == 0;
                    boolean error = on ? m % 3 == 0 : s == 55 && m % 4 == 0;
                    if (on && error) {
                        expectedErrorsOn++;
                    }
                    spans.add(Telemetry.serverSpan("checkout", "POST /pay", Instant.now(), 20_000, error,
                            "user-" + m + "-" + s, null, Map.of("it-flag", on ? "on" : "off")));
                }
                bodies.add(Telemetry.spans(UUID.randomUUID(), project, "production", spans));
            }
            // Each message twice, as after a redelivery; the copies interleave so both replicas see some.
            for (int m = 0; m < MESSAGES; m += 10) {
                List<byte[]> chunk = bodies.subList(m, m + 10);
                Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, chunk.toArray(byte[][]::new));
                Broker.publish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, chunk.toArray(byte[][]::new));
            }

            long expected = (long) MESSAGES * SPANS;
            await().atMost(Duration.ofSeconds(90)).until(() -> requests(10, "", "") == expected);
            for (int resolution : new int[]{10, 60, 3600}) {
                assertThat(requests(resolution, "", "")).isEqualTo(expected);
                assertThat(requests(resolution, "it-flag", "on")).isEqualTo(expected / 10);
            }
            assertThat(Db.count("select coalesce(sum(errors), 0) from analytics.series where project = ? and resolution = 60"
                    + " and flag_key = 'it-flag' and variant = 'on'", project)).isEqualTo(expectedErrorsOn);
            for (int port : ports) {
                assertThat(spansConsumed(port)).as("replica on port %d took part", port).isPositive();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> tap.of(project).stream()
                    .anyMatch(r -> r.routingKey().equals("anomaly.detected") && r.verdict().metric().equals("error_rate")));
            // Several more passes of both replicas: the anomaly stays announced once.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> tap.of(project).stream()
                    .filter(r -> r.routingKey().equals("anomaly.detected") && r.verdict().metric().equals("error_rate")
                            && "on".equals(r.verdict().variant())).count() == 1);
        }
    }

    private static long requests(int resolution, String flag, String variant) {
        return Db.count("select coalesce(sum(requests), 0) from analytics.series where project = ? and resolution = ? "
                + "and flag_key = ? and variant = ?", project, resolution, flag, variant);
    }

    private static double spansConsumed(int port) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("lightswitch_analytics_spans_consumed_total"))
                .mapToDouble(line -> Double.parseDouble(line.split(" ")[1])).findFirst().orElse(0);
    }

    private static int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
