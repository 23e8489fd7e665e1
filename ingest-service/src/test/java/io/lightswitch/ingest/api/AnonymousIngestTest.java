package io.lightswitch.ingest.api;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.SpanBatch;
import io.lightswitch.ingest.support.AnonymousIngestProfile;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestEventTap;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With anonymous ingest on, telemetry without a key is attributed to the configured project; a wrong key is still refused. */
@QuarkusTest
@TestProfile(AnonymousIngestProfile.class)
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class AnonymousIngestTest {

    @Test
    void httpSpansWithoutAKeyAreAttributedToTheAnonymousProject() throws Exception {
        try (IngestEventTap tap = new IngestEventTap()) {
            String service = "anon-http-" + UUID.randomUUID();
            send(service, OtlpHttpSpanExporter.builder()
                    .setEndpoint(OtlpExportersTest.httpBase() + "/v1/traces").build());

            assertAnonymous(tap, service);
        }
    }

    @Test
    void grpcSpansWithoutAKeyAreAttributedToTheAnonymousProject() throws Exception {
        try (IngestEventTap tap = new IngestEventTap()) {
            String service = "anon-grpc-" + UUID.randomUUID();
            send(service, OtlpGrpcSpanExporter.builder()
                    .setEndpoint("http://127.0.0.1:" + GrpcTestPort.port()).build());

            assertAnonymous(tap, service);
        }
    }

    @Test
    void aWrongKeyIsStillRefusedOverHttp() {
        given().contentType("application/x-protobuf").header("Authorization", "Bearer not-a-key")
                .body(new byte[0]).post("/v1/traces").then().statusCode(401);
        given().contentType("application/x-protobuf").header("x-lightswitch-key", "not-a-key")
                .body(new byte[0]).post("/v1/logs").then().statusCode(401);
    }

    @Test
    void aWrongKeyIsStillRefusedOverGrpc() {
        assertThat(OtlpExportersTest.grpcExportSucceeds("not-a-key")).isFalse();
    }

    private static void send(String service, SpanExporter exporter) {
        // no deployment.environment: the anonymous environment applies
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        stringKey("service.name"), service))))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        try {
            provider.get("lightswitch-test").spanBuilder("GET /").startSpan().end();
            CompletableResultCode flushed = provider.forceFlush().join(15, TimeUnit.SECONDS);
            assertThat(flushed.isSuccess()).as("the exporter reports success").isTrue();
        } finally {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    private static void assertAnonymous(IngestEventTap tap, String service) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> batchesOf(tap, service), batches -> !batches.isEmpty());
        List<SpanBatch> batches = batchesOf(tap, service);
        assertThat(batches).extracting(SpanBatch::environment).containsOnly(AnonymousIngestProfile.ENVIRONMENT);
        assertThat(batches).extracting(SpanBatch::project).containsOnly(AnonymousIngestProfile.PROJECT);
        assertThat(batches.stream().flatMap(b -> b.spans().stream())).extracting(NormalizedSpan::service)
                .containsExactly(service);
    }

    /** The anonymous project is shared by the tests, so a test finds its spans by service name. */
    private static List<SpanBatch> batchesOf(IngestEventTap tap, String service) {
        return tap.spanBatches(AnonymousIngestProfile.PROJECT).stream()
                .filter(b -> b.spans().stream().anyMatch(s -> service.equals(s.service()))).toList();
    }
}
