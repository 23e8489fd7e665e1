package io.lightswitch.ingest.api;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.flag.FlagExposed.Exposure;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestEventTap;
import io.lightswitch.ingest.support.IngestKeys;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java SDK's own log exporters send {@code feature_flag.evaluation} events to
 * ingest-service; the test reads the exposures from the exchange.
 */
@QuarkusTest
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class OtlpLogsExportersTest {

    @Test
    void grpcLogExporterEvaluationsArriveAsExposures() throws Exception {
        TestKey key = IngestKeys.issue("production");
        OtlpExportersTest.awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            sendEvaluation(key, secret -> OtlpGrpcLogRecordExporter.builder()
                    .setEndpoint("http://127.0.0.1:" + GrpcTestPort.port())
                    .setCompression("gzip")
                    .addHeader("authorization", "Bearer " + secret)
                    .build());

            assertExposure(tap, key);
        }
    }

    @Test
    void httpProtobufLogExporterEvaluationsArriveAsExposures() throws Exception {
        TestKey key = IngestKeys.issue("production");
        OtlpExportersTest.awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            sendEvaluation(key, secret -> OtlpHttpLogRecordExporter.builder()
                    .setEndpoint(OtlpExportersTest.httpBase() + "/v1/logs")
                    .addHeader("x-lightswitch-key", secret)
                    .build());

            assertExposure(tap, key);
        }
    }

    @Test
    void grpcLogExporterWithAnUnknownKeyFails() {
        LogRecordExporter exporter = OtlpGrpcLogRecordExporter.builder()
                .setEndpoint("http://127.0.0.1:" + GrpcTestPort.port())
                .addHeader("authorization", "Bearer not-a-key")
                .build();
        SdkLoggerProvider provider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build();
        try {
            provider.get("test").logRecordBuilder().setEventName("feature_flag.evaluation")
                    .setAllAttributes(evaluation()).emit();
            CompletableResultCode flushed = provider.forceFlush().join(10, TimeUnit.SECONDS);
            assertThat(flushed.isSuccess()).isFalse();
        } finally {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    private static Attributes evaluation() {
        return Attributes.of(
                stringKey("feature_flag.key"), "dark-mode",
                stringKey("feature_flag.result.variant"), "on",
                stringKey("feature_flag.context.id"), "user-7");
    }

    /** One evaluation event, named by the event name field and, for older receivers, the event.name attribute. */
    private static void sendEvaluation(TestKey key, Function<String, LogRecordExporter> exporterFor) {
        LogRecordExporter exporter = exporterFor.apply(key.secret());
        SdkLoggerProvider provider = SdkLoggerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        stringKey("service.name"), "checkout",
                        stringKey("deployment.environment.name"), "production"))))
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                .build();
        try {
            provider.get("lightswitch-test").logRecordBuilder()
                    .setEventName("feature_flag.evaluation")
                    .setBody("feature_flag.evaluation")
                    .setTimestamp(Instant.now())
                    .setAllAttributes(evaluation())
                    .emit();
            // a plain log line is accepted and not kept
            provider.get("lightswitch-test").logRecordBuilder().setBody("cart loaded").emit();
            CompletableResultCode flushed = provider.forceFlush().join(15, TimeUnit.SECONDS);
            assertThat(flushed.isSuccess()).as("the exporter reports success").isTrue();
        } finally {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    private static void assertExposure(IngestEventTap tap, TestKey key) {
        List<FlagExposed> batches = tap.awaitExposures(key.project(), 1);
        assertThat(batches).extracting(FlagExposed::environment).containsOnly("production");
        List<Exposure> exposures = batches.stream().flatMap(b -> b.exposures().stream()).toList();
        assertThat(exposures).singleElement().satisfies(exposure -> {
            assertThat(exposure.flagKey()).isEqualTo("dark-mode");
            assertThat(exposure.variant()).isEqualTo("on");
            assertThat(exposure.contextId()).isEqualTo("user-7");
            assertThat(exposure.firstSeen()).isNotNull();
        });
        assertThat(tap.all(key.project())).allSatisfy(message -> {
            assertThat(message.routingKey()).isEqualTo(RoutingKeys.EXPOSURES_BATCH);
            assertThat(message.persistent()).isTrue();
            assertThat(message.envelope().source()).isEqualTo("ingest-service");
        });
    }
}
