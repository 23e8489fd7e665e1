package io.lightswitch.ingest.api;

import static io.lightswitch.ingest.api.OtlpExportersTest.awaitKeyAccepted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.Gzip;
import io.lightswitch.ingest.support.IngestEventTap;
import io.lightswitch.ingest.support.IngestKeys;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OTLP/JSON bodies shaped as the JavaScript SDK's http/json exporters send them (hex ids, string int64s). */
@QuarkusTest
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class OtlpJsonResourceTest {

    @Test
    void jsonTracesArriveWithExactIdsAndBadSpansArePartialSuccess() throws Exception {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                    .body(resource("otlp/traces-with-flags.json"))
                    .post("/v1/traces")
                    .then().statusCode(200).contentType("application/json")
                    .body("partialSuccess.rejectedSpans", equalTo("1"))
                    .body("partialSuccess.errorMessage",
                            equalTo("span 'broken ids' has an invalid trace id: it must be 16 bytes and not all zero"));

            List<NormalizedSpan> spans = tap.awaitSpans(key.project(), 2);
            NormalizedSpan server = spans.get(0);
            NormalizedSpan client = spans.get(1);
            assertThat(server.traceId()).isEqualTo("71699b6fe85982c7c8995ea3d9c95df2");
            assertThat(server.spanId()).isEqualTo("3c191d03fa8be065");
            assertThat(server.start()).isEqualTo(Instant.parse("2025-11-26T09:31:01.020Z"));
            assertThat(server.durationMicros()).isEqualTo(168_000);
            assertThat(server.flags()).isEqualTo(Map.of("dark-mode", "on"));
            assertThat(server.userId()).isEqualTo("user-42");
            assertThat(server.geo()).isEqualTo(new NormalizedSpan.Geo("FR", null, null));
            assertThat(server.error()).isFalse();
            assertThat(client.parentSpanId()).isEqualTo("3c191d03fa8be065");
            assertThat(client.kind()).isEqualTo(NormalizedSpan.CLIENT);
            assertThat(client.error()).isTrue();
            assertThat(client.errorMessage()).isEqualTo("upstream failed");
            assertThat(tap.spanBatches(key.project())).singleElement()
                    .satisfies(batch -> assertThat(batch.environment()).isEqualTo("production"));
        }
    }

    @Test
    void acceptsABodyRecordedFromTheJavaScriptExporter() throws Exception {
        byte[] body = resource("otlp/recorded-js-exporter-traces.json");
        JsonNode recorded = new ObjectMapper().readTree(body)
                .path("resourceSpans").get(0).path("scopeSpans").get(0).path("spans");
        JsonNode recordedClient = recorded.get(0);
        JsonNode recordedServer = recorded.get(1);
        assertThat(recordedServer.path("name").asText()).isEqualTo("POST /pay");
        assertThat(recordedClient.path("parentSpanId").asText()).isEqualTo(recordedServer.path("spanId").asText());
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                    .body(body)
                    .post("/v1/traces")
                    .then().statusCode(200).contentType("application/json");

            tap.awaitSpans(key.project(), 2);
            assertThat(tap.spanBatches(key.project())).singleElement().satisfies(batch -> {
                assertThat(batch.environment()).isEqualTo("production");
                assertThat(batch.spans()).hasSize(2);
                NormalizedSpan server = batch.spans().stream()
                        .filter(s -> NormalizedSpan.SERVER.equals(s.kind())).findFirst().orElseThrow();
                NormalizedSpan client = batch.spans().stream()
                        .filter(s -> NormalizedSpan.CLIENT.equals(s.kind())).findFirst().orElseThrow();
                assertThat(server.traceId()).isEqualTo(recordedServer.path("traceId").asText());
                assertThat(server.spanId()).isEqualTo(recordedServer.path("spanId").asText());
                assertThat(server.parentSpanId()).isNull();
                assertThat(server.name()).isEqualTo("POST /pay");
                assertThat(server.route()).isEqualTo("/pay");
                assertThat(server.service()).isEqualTo("checkout-service");
                assertThat(server.flags()).isEqualTo(Map.of("dark-mode", "on"));
                assertThat(server.error()).isTrue();
                assertThat(server.errorType()).isEqualTo("PaymentUnavailableException");
                assertThat(server.httpStatus()).isEqualTo(503);
                assertThat(server.userId()).isEqualTo("user-42");
                assertThat(server.sessionId()).isEqualTo("s-1");
                assertThat(client.traceId()).isEqualTo(recordedClient.path("traceId").asText());
                assertThat(client.spanId()).isEqualTo(recordedClient.path("spanId").asText());
                assertThat(client.parentSpanId()).isEqualTo(server.spanId());
                assertThat(client.service()).isEqualTo("checkout-service");
            });
        }
    }

    @Test
    void gzippedJsonIsTakenLikePlainJson() throws Exception {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("Content-Encoding", "gzip")
                    .header("x-lightswitch-key", key.secret())
                    .body(Gzip.compress(resource("otlp/traces-with-flags.json")))
                    .post("/v1/traces")
                    .then().statusCode(200).body("partialSuccess.rejectedSpans", equalTo("1"));

            assertThat(tap.awaitSpans(key.project(), 2)).extracting(NormalizedSpan::name)
                    .containsExactly("GET /products/:id", "GET");
        }
    }

    @Test
    void flagEvaluationLogRecordsBecomeExposuresOfTheEnvironmentTheyName() throws Exception {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                    .body(resource("otlp/logs-flag-evaluations.json"))
                    .post("/v1/logs")
                    .then().statusCode(200).contentType("application/json")
                    .body("partialSuccess.rejectedLogRecords", equalTo("1"));

            List<FlagExposed> batches = tap.awaitExposures(key.project(), 1);
            assertThat(batches).singleElement().satisfies(batch -> {
                assertThat(batch.environment()).isEqualTo("staging");
                assertThat(batch.exposures()).containsExactly(new FlagExposed.Exposure(
                        "dark-mode", "on", "user-42", Instant.parse("2025-11-26T09:31:01.030Z")));
            });
            assertThat(tap.all(key.project())).singleElement()
                    .satisfies(m -> assertThat(m.routingKey()).isEqualTo("exposures.batch"));
        }
    }

    @Test
    void anEmptyExportIsAnsweredWithAnEmptyResponseInTheRequestsEncoding() {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);

        given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                .body("{}").post("/v1/traces")
                .then().statusCode(200).contentType("application/json").body(equalTo("{}"));
        byte[] protobuf = given().contentType("application/x-protobuf")
                .header("Authorization", "Bearer " + key.secret())
                .body(new byte[0]).post("/v1/logs")
                .then().statusCode(200).contentType("application/x-protobuf").extract().asByteArray();
        assertThat(protobuf).isEmpty();
    }

    @Test
    void metricsCountReceivedRejectedAndPublishedItemsAndPublishLatency() throws Exception {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                .body(resource("otlp/traces-with-flags.json")).post("/v1/traces").then().statusCode(200);
        given().contentType("application/json").body("{}").post("/v1/traces").then().statusCode(401);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains("lightswitch_ingest_received_total{signal=\"traces\"}")
                .contains("lightswitch_ingest_published_total{signal=\"traces\"}")
                .contains("lightswitch_ingest_rejected_total{reason=\"invalid-item\",signal=\"traces\"}")
                .contains("lightswitch_ingest_rejected_total{reason=\"unauthenticated\",signal=\"traces\"}")
                .contains("lightswitch_ingest_publish_latency_seconds_count");
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = OtlpJsonResourceTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
