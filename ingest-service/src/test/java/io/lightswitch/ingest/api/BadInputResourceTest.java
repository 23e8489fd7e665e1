package io.lightswitch.ingest.api;

import static io.lightswitch.ingest.api.OtlpExportersTest.awaitKeyAccepted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.google.rpc.Code;
import com.google.rpc.Status;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.Gzip;
import io.lightswitch.ingest.support.IngestKeys;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.lightswitch.ingest.support.Otlp;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets its own 4xx with a google.rpc.Status that says why, and never a 5xx. */
@QuarkusTest
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class BadInputResourceTest {

    private static final int LIMIT = 20 * 1024 * 1024;

    private TestKey key;

    @BeforeEach
    void anIngestKeyOfItsOwn() {
        key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
    }

    private RequestSpecification authorized(String contentType) {
        return given().contentType(contentType).header("Authorization", "Bearer " + key.secret());
    }

    private static Status protobufStatus(Response response) throws Exception {
        assertThat(response.contentType()).isEqualTo("application/x-protobuf");
        return Status.parseFrom(response.asByteArray());
    }

    @Test
    void truncatedProtobufIsBadRequestWithAStatusInProtobuf() throws Exception {
        byte[] whole = Otlp.traces(Otlp.span("GET /").build()).toByteArray();

        Response response = authorized("application/x-protobuf").body(Arrays.copyOf(whole, whole.length - 7))
                .post("/v1/traces");

        assertThat(response.statusCode()).isEqualTo(400);
        Status status = protobufStatus(response);
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(status.getMessage()).startsWith("the body is not a valid OTLP protobuf message");
    }

    @Test
    void jsonThatDoesNotParseIsBadRequestWithAStatusInJson() {
        authorized("application/json").body("{\"resourceSpans\":[{\"scopeSpans\":").post("/v1/traces")
                .then().statusCode(400).contentType("application/json")
                .body("code", equalTo(Code.INVALID_ARGUMENT_VALUE))
                .body("message", startsWith("the body is not a valid OTLP JSON message"));
        authorized("application/json").body("{\"resourceLogs\":{\"not\":\"a list\"}}").post("/v1/logs")
                .then().statusCode(400).body("code", equalTo(Code.INVALID_ARGUMENT_VALUE));
    }

    @Test
    void spansWithWrongIdsAreRejectedOneByOneAsPartialSuccess() throws Exception {
        byte[] body = Otlp.traces(
                Otlp.span("good").build(),
                Otlp.span("short span id").setSpanId(Otlp.id("0102")).build(),
                Otlp.span("zero trace id").setTraceId(Otlp.id("00000000000000000000000000000000")).build())
                .toByteArray();

        Response response = authorized("application/x-protobuf").body(body).post("/v1/traces");

        assertThat(response.statusCode()).isEqualTo(200);
        ExportTraceServiceResponse answer = ExportTraceServiceResponse.parseFrom(response.asByteArray());
        assertThat(answer.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
        assertThat(answer.getPartialSuccess().getErrorMessage()).isEqualTo(
                "span 'short span id' has an invalid span id: it must be 8 bytes and not all zero (and 1 more rejected)");
    }

    @Test
    void bodyOverTheLimitIsTooLarge() throws Exception {
        Response response = authorized("application/x-protobuf").body(new byte[LIMIT + 1]).post("/v1/traces");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(protobufStatus(response).getMessage())
                .isEqualTo("the body is larger than 20971520 bytes after decompression");
    }

    @Test
    void gzipBombIsTooLargeWithoutBeingInflated() {
        byte[] bomb = Gzip.zeros(256L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(LIMIT / 20);

        authorized("application/json").header("Content-Encoding", "gzip").body(bomb).post("/v1/traces")
                .then().statusCode(413).contentType("application/json")
                .body("code", equalTo(Code.RESOURCE_EXHAUSTED_VALUE))
                .body("message", equalTo("the body is larger than 20971520 bytes after decompression"));
    }

    @Test
    void corruptGzipIsBadRequest() {
        authorized("application/json").header("Content-Encoding", "gzip").body("{}").post("/v1/traces")
                .then().statusCode(400).body("message", startsWith("the body is not valid gzip"));
    }

    @Test
    void otherContentTypesAndEncodingsAreUnsupported() {
        authorized("text/plain").body("spans").post("/v1/traces")
                .then().statusCode(415).contentType("application/json")
                .body("code", equalTo(Code.INVALID_ARGUMENT_VALUE))
                .body("message", startsWith("Content-Type text/plain"))
                .body("message", endsWith("is not supported; send application/x-protobuf or application/json"));
        authorized("application/json").header("Content-Encoding", "br").body("{}").post("/v1/logs")
                .then().statusCode(415)
                .body("message", equalTo("Content-Encoding br is not supported; send gzip or no encoding"));
    }

    @Test
    void missingOrUnknownKeyIsUnauthenticated() {
        given().contentType("application/json").body("{}").post("/v1/traces")
                .then().statusCode(401).contentType("application/json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo(Code.UNAUTHENTICATED_VALUE))
                .body("message", equalTo("send an ingest key as 'Authorization: Bearer <key>'"
                        + " or 'x-lightswitch-key: <key>'"));
        given().contentType("application/x-protobuf").header("x-lightswitch-key", "lsk_made_up").body(new byte[0])
                .post("/v1/logs")
                .then().statusCode(401);
        given().contentType("application/json").header("Authorization", "Basic Zm9vOmJhcg==").body("{}")
                .post("/v1/traces")
                .then().statusCode(401);
    }
}
