package io.lightswitch.ingest.api;

import static io.lightswitch.ingest.api.OtlpExportersTest.awaitKeyAccepted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.google.rpc.Code;
import io.lightswitch.ingest.config.IngestConfig;
import io.lightswitch.ingest.domain.InFlightBudget;
import io.lightswitch.ingest.domain.IngestService;
import io.lightswitch.ingest.domain.Signal;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestKeys;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.lightswitch.ingest.support.Otlp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The in-flight budget is taken before a body is decoded, so a full budget refuses even undecodable bodies. */
@QuarkusTest
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class InFlightBudgetResourceTest {

    @Inject
    IngestService ingest;

    @Inject
    IngestConfig config;

    @Test
    void overTheBudgetTheAnswerIs429WithRetryAfterBeforeAnythingIsDecoded() {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);
        byte[] valid = Otlp.traces(Otlp.span("GET /").build()).toByteArray();

        InFlightBudget.Lease whole = ingest.admit(Signal.TRACES, config.ingest().maxInFlightBytes().asLongValue());
        try {
            given().contentType("application/x-protobuf").header("Authorization", "Bearer " + key.secret())
                    .body(valid).post("/v1/traces")
                    .then().statusCode(429).header("Retry-After", equalTo("5"));
            given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                    .body("{\"resourceSpans\": not json").post("/v1/traces")
                    .then().statusCode(429).header("Retry-After", equalTo("5")).contentType("application/json")
                    .body("code", equalTo(Code.RESOURCE_EXHAUSTED_VALUE));
        } finally {
            whole.close();
        }

        given().contentType("application/x-protobuf").header("Authorization", "Bearer " + key.secret())
                .body(valid).post("/v1/traces").then().statusCode(200);
        given().contentType("application/json").header("Authorization", "Bearer " + key.secret())
                .body("{\"resourceSpans\": not json").post("/v1/traces").then().statusCode(400);
    }
}
