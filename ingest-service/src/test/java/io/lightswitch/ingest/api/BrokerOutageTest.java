package io.lightswitch.ingest.api;

import static io.lightswitch.ingest.api.OtlpExportersTest.awaitKeyAccepted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.google.rpc.Code;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.lightswitch.ingest.support.BrokerOutageProfile;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestEventTap;
import io.lightswitch.ingest.support.IngestKeys;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.lightswitch.ingest.support.Otlp;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While RabbitMQ is away, telemetry is refused as retryable instead of being accepted and lost. */
@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class BrokerOutageTest {

    private static final byte[] ONE_SPAN = Otlp.traces(Otlp.span("GET /").build()).toByteArray();

    @AfterEach
    void giveTheBrokerBack() {
        BrokerOutageProfile.PROXY.restore();
    }

    @Test
    void answersServiceUnavailableWithRetryAfterUntilTheBrokerIsBack() throws Exception {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        try (IngestEventTap tap = new IngestEventTap()) {
            BrokerOutageProfile.PROXY.cut();

            Response refused = Awaitility.await().atMost(Duration.ofSeconds(15)).until(
                    () -> send(key), response -> response.statusCode() == 503);
            refused.then().header("Retry-After", equalTo("5")).contentType("application/json")
                    .body("code", equalTo(Code.UNAVAILABLE_VALUE));
            assertThat(grpcStatus(key)).isEqualTo(io.grpc.Status.Code.UNAVAILABLE);

            BrokerOutageProfile.PROXY.restore();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> send(key).statusCode() == 200);
            assertThat(tap.awaitSpans(key.project(), 1)).isNotEmpty();
        }
    }

    private static Response send(TestKey key) {
        return given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                .body("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + Otlp.TRACE_ID
                        + "\",\"spanId\":\"" + Otlp.SPAN_ID + "\",\"name\":\"GET /\",\"kind\":2,"
                        + "\"startTimeUnixNano\":\"1764149461020000000\",\"endTimeUnixNano\":\"1764149461030000000\"}]}]}]}")
                .post("/v1/traces");
    }

    private static io.grpc.Status.Code grpcStatus(TestKey key) throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", GrpcTestPort.port()).usePlaintext().build();
        try {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key.secret());
            TraceServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .export(io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(ONE_SPAN));
            return io.grpc.Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
