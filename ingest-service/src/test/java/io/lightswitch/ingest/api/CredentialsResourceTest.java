package io.lightswitch.ingest.api;

import static io.lightswitch.ingest.api.OtlpExportersTest.awaitKeyAccepted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.lightswitch.contracts.flag.CredentialIssued;
import io.lightswitch.contracts.ingest.SpanBatch;
import io.lightswitch.ingest.support.FlagServiceStub;
import io.lightswitch.ingest.support.GrpcTestPort;
import io.lightswitch.ingest.support.IngestEventTap;
import io.lightswitch.ingest.support.IngestKeys;
import io.lightswitch.ingest.support.IngestKeys.TestKey;
import io.lightswitch.ingest.support.Otlp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FlagServiceStub.class)
@WithTestResource(GrpcTestPort.class)
class CredentialsResourceTest {

    private static final byte[] ONE_SPAN = Otlp.traces(Otlp.span("GET /").build()).toByteArray();

    @Test
    void keysListedByFlagServiceAtStartAreAcceptedAndDecideTheEnvironment() throws Exception {
        try (IngestEventTap tap = new IngestEventTap()) {
            given().contentType("application/x-protobuf")
                    .header("Authorization", "Bearer " + FlagServiceStub.BOOTSTRAP_KEY).body(ONE_SPAN)
                    .post("/v1/traces").then().statusCode(200);

            List<SpanBatch> batches = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> tap.spanBatches(FlagServiceStub.BOOTSTRAP_PROJECT), b -> !b.isEmpty());
            assertThat(batches).singleElement().satisfies(batch ->
                    assertThat(batch.environment()).isEqualTo(FlagServiceStub.BOOTSTRAP_ENVIRONMENT));
        }
    }

    @Test
    void otherKindsOfKeysCannotSendTelemetry() {
        given().contentType("application/x-protobuf")
                .header("Authorization", "Bearer " + FlagServiceStub.BOOTSTRAP_KEY + "-server").body(ONE_SPAN)
                .post("/v1/traces").then().statusCode(401);
        TestKey serverKey = IngestKeys.issue(CredentialIssued.SERVER, "production");
        TestKey ingestKey = IngestKeys.issue("production");
        awaitKeyAccepted(ingestKey);

        given().contentType("application/x-protobuf").header("Authorization", "Bearer " + serverKey.secret())
                .body(ONE_SPAN).post("/v1/traces")
                .then().statusCode(401).body(equalTo(new String(
                        com.google.rpc.Status.newBuilder().setCode(16)
                                .setMessage("the key is not an active ingest key").build().toByteArray(),
                        java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aRevokedKeyStopsWorkingWithinSeconds() {
        TestKey key = IngestKeys.issue("production");
        awaitKeyAccepted(key);

        IngestKeys.revoke(key);

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                given().contentType("application/x-protobuf").header("Authorization", "Bearer " + key.secret())
                        .body(ONE_SPAN).post("/v1/traces").statusCode() == 401);
    }

    @Test
    void readinessIsUpOnceTheKeysAreLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ingest keys' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ingest keys' }.data.loaded", equalTo(true));
    }
}
