package io.lightswitch.ingest.api;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.SpanBatch;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestEventTap;
import io.lightswitch.ingest.support.IngestKeys;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The OpenTelemetry Java SDK's own exporters send to ingest-service; the test reads the exchange. */
@QuarkusTest
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class OtlpExportersTest {

    @Test
    void httpProtobufExporterSpansArriveNormalisedWithTheirFlags() throws Exception {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            sendCheckoutTrace(key, secret -> OtlpHttpSpanExporter.builder()
                    .setEndpoint(httpBase() + "/v1/traces")
                    .addHeader("Authorization", "Bearer " + secret)
                    .build());

            assertCheckoutTrace(tap, key);
            assertThat(tap.all(key.project())).allSatisfy(message -> {
                assertThat(message.routingKey()).isEqualTo(RoutingKeys.SPANS_BATCH);
                assertThat(message.contentType()).isEqualTo("application/json");
                assertThat(message.persistent()).isTrue();
                assertThat(message.messageId()).isEqualTo(message.envelope().id().toString());
                assertThat(message.envelope().source()).isEqualTo("ingest-service");
            });
        }
    }

    @Test
    void httpProtobufExporterWithGzipIsTakenToo() throws Exception {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            sendCheckoutTrace(key, secret -> OtlpHttpSpanExporter.builder()
                    .setEndpoint(httpBase() + "/v1/traces")
                    .setCompression("gzip")
                    .addHeader("x-lightswitch-key", secret)
                    .build());

            assertCheckoutTrace(tap, key);
        }
    }

    @Test
    void grpcExporterSpansArriveNormalisedWithTheirFlags() throws Exception {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            sendCheckoutTrace(key, secret -> OtlpGrpcSpanExporter.builder()
                    .setEndpoint("http://127.0.0.1:" + GrpcTestPort.port())
                    .setCompression("gzip")
                    .addHeader("authorization", "Bearer " + secret)
                    .build());

            assertCheckoutTrace(tap, key);
        }
    }

    @Test
    void grpcExporterWithAnUnknownKeyFails() {
        assertThat(grpcExportSucceeds("not-a-key")).isFalse();
    }

    /** Exports one span over gRPC with the key and says whether the exporter reported success. */
    static boolean grpcExportSucceeds(String key) {
        SpanExporter exporter = OtlpGrpcSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + GrpcTestPort.port())
                .addHeader("authorization", "Bearer " + key)
                .build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        try {
            provider.get("test").spanBuilder("lost").startSpan().end();
            return provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess();
        } finally {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    /** A server span that saw two flags and failed, with a client child span. */
    private static void sendCheckoutTrace(TestKey key, Function<String, SpanExporter> exporterFor) {
        SpanExporter exporter = exporterFor.apply(key.secret());
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        stringKey("service.name"), "checkout",
                        stringKey("deployment.environment.name"), "production"))))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        try {
            Tracer tracer = provider.get("lightswitch-test");
            Span server = tracer.spanBuilder("GET /cart/{id}").setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.route", "/cart/{id}")
                    .setAttribute("user.id", "user-1842")
                    .setAttribute("session.id", "sess-77f0")
                    .startSpan();
            server.addEvent("feature_flag.evaluation", Attributes.of(
                    stringKey("feature_flag.key"), "dark-mode", stringKey("feature_flag.result.variant"), "on"));
            server.addEvent("feature_flag.evaluation", Attributes.of(
                    stringKey("feature_flag.key"), "new-checkout", stringKey("feature_flag.variant"), "control"));
            try (Scope ignored = server.makeCurrent()) {
                tracer.spanBuilder("SELECT cart").setSpanKind(SpanKind.CLIENT).startSpan().end();
            }
            server.recordException(new IllegalStateException("cart store timed out"));
            server.setAttribute(longKey("http.response.status_code"), 503L);
            server.setStatus(StatusCode.ERROR);
            server.end();
            CompletableResultCode flushed = provider.forceFlush().join(15, TimeUnit.SECONDS);
            assertThat(flushed.isSuccess()).as("the exporter reports success").isTrue();
        } finally {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    private static void assertCheckoutTrace(IngestEventTap tap, TestKey key) {
        List<NormalizedSpan> spans = tap.awaitSpans(key.project(), 2);
        assertThat(spans).hasSize(2);
        assertThat(tap.spanBatches(key.project())).extracting(SpanBatch::environment).containsOnly("production");
        NormalizedSpan server = spans.stream().filter(s -> s.kind().equals(NormalizedSpan.SERVER)).findFirst().orElseThrow();
        NormalizedSpan client = spans.stream().filter(s -> s.kind().equals(NormalizedSpan.CLIENT)).findFirst().orElseThrow();

        assertThat(server.flags()).isEqualTo(Map.of("dark-mode", "on", "new-checkout", "control"));
        assertThat(server.service()).isEqualTo("checkout");
        assertThat(server.route()).isEqualTo("/cart/{id}");
        assertThat(server.httpStatus()).isEqualTo(503);
        assertThat(server.error()).isTrue();
        assertThat(server.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(server.errorMessage()).isEqualTo("cart store timed out");
        assertThat(server.userId()).isEqualTo("user-1842");
        assertThat(server.sessionId()).isEqualTo("sess-77f0");
        assertThat(server.parentSpanId()).isNull();
        assertThat(server.traceId()).hasSize(32).isEqualTo(client.traceId());
        assertThat(client.parentSpanId()).isEqualTo(server.spanId()).hasSize(16);
        assertThat(client.error()).isFalse();
        assertThat(client.flags()).isEmpty();
    }

    static String httpBase() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    /** Credential events are followed asynchronously; a new key works within seconds. */
    static void awaitKeyAccepted(TestKey key) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                io.restassured.RestAssured.given().contentType("application/x-protobuf")
                        .header("Authorization", "Bearer " + key.secret()).body(new byte[0])
                        .post("/v1/traces").statusCode() == 200);
    }
}
