package io.lightswitch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.analytics.VerdictEvidence;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.CredentialIssued;
import io.lightswitch.contracts.flag.CredentialRevoked;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.flag.FlagDeleted;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.flag.SegmentChanged;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.contracts.ingest.SpanBatch;
import io.lightswitch.contracts.workflow.DisableFlag;
import io.lightswitch.contracts.workflow.SetRollout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenSampleRoundTripTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(MessageTypes.FLAG_CHANGED, FlagChanged.class),
                Arguments.of(MessageTypes.FLAG_DELETED, FlagDeleted.class),
                Arguments.of(MessageTypes.FLAG_EXPOSED, FlagExposed.class),
                Arguments.of(MessageTypes.SEGMENT_CHANGED, SegmentChanged.class),
                Arguments.of(MessageTypes.CREDENTIAL_ISSUED, CredentialIssued.class),
                Arguments.of(MessageTypes.CREDENTIAL_REVOKED, CredentialRevoked.class),
                Arguments.of(MessageTypes.DISABLE_FLAG, DisableFlag.class),
                Arguments.of(MessageTypes.SET_ROLLOUT, SetRollout.class),
                Arguments.of(MessageTypes.SPAN_BATCH, SpanBatch.class),
                Arguments.of(MessageTypes.RUM_BATCH, RumBatch.class),
                Arguments.of(MessageTypes.IMPACT_ASSESSED, ImpactVerdict.class),
                Arguments.of(MessageTypes.ANOMALY_DETECTED, ImpactVerdict.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleSurvivesDecodeAndEncodeUnchanged(String type, Class<?> payloadType) throws IOException {
        byte[] golden = GoldenSamples.bytes(type);
        Envelope decoded = MessageCodec.decode(golden);
        Object payload = MessageCodec.payload(decoded, payloadType);

        Envelope rewrapped = new Envelope(decoded.id(), decoded.type(), decoded.version(), decoded.occurredAt(),
                decoded.source(), MessageCodec.tree(payload));
        JsonNode reencoded = MessageCodec.mapper().readTree(MessageCodec.encode(rewrapped));

        assertThat(decoded.type()).isEqualTo(type);
        assertThat(reencoded).isEqualTo(MessageCodec.mapper().readTree(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void typedDecodingReadsTheSamePayloadAsTheTree(String type, Class<?> payloadType) {
        byte[] golden = GoldenSamples.bytes(type);
        Envelope viaTree = MessageCodec.decode(golden);
        TypedEnvelope<?> typed = MessageCodec.decode(golden, payloadType);

        assertThat(typed.id()).isEqualTo(viaTree.id());
        assertThat(typed.type()).isEqualTo(type);
        assertThat(typed.occurredAt()).isEqualTo(viaTree.occurredAt());
        assertThat(typed.payload()).isEqualTo(MessageCodec.payload(viaTree, payloadType));
    }

    @Test
    void flagChangedSampleCarriesActorAndStates() {
        FlagChanged changed = MessageCodec.payload(GoldenSamples.envelope(MessageTypes.FLAG_CHANGED), FlagChanged.class);

        assertThat(changed.actor().kind()).isEqualTo(Actor.USER);
        assertThat(changed.flagVersion()).isEqualTo(4);
        assertThat(changed.before().path("defaultServe").path("split").get(0).path("weight").asDouble()).isEqualTo(10.0);
        assertThat(changed.after().path("defaultServe").path("split").get(0).path("weight").asDouble()).isEqualTo(50.0);
    }

    @Test
    void spanBatchSampleCarriesFlagsErrorsAndParentage() {
        SpanBatch batch = MessageCodec.payload(GoldenSamples.envelope(MessageTypes.SPAN_BATCH), SpanBatch.class);

        NormalizedSpan server = batch.spans().get(0);
        NormalizedSpan client = batch.spans().get(1);
        assertThat(server.flags()).containsEntry("dark-mode", "on").containsEntry("new-checkout", "control");
        assertThat(server.error()).isTrue();
        assertThat(server.httpStatus()).isEqualTo(503);
        assertThat(server.geo()).isEqualTo(new NormalizedSpan.Geo("DE", "DE-BE", "Berlin"));
        assertThat(client.parentSpanId()).isEqualTo(server.spanId());
        assertThat(client.httpStatus()).isNull();
        assertThat(client.kind()).isEqualTo(NormalizedSpan.CLIENT);
    }

    @Test
    void encodingAPayloadDirectlyMatchesEncodingItsEnvelope() throws IOException {
        Envelope golden = GoldenSamples.envelope(MessageTypes.FLAG_EXPOSED);
        FlagExposed payload = MessageCodec.payload(golden, FlagExposed.class);

        byte[] direct = MessageCodec.encode(golden.id(), golden.type(), golden.source(), golden.occurredAt(), payload);

        assertThat(MessageCodec.mapper().readTree(direct))
                .isEqualTo(MessageCodec.mapper().readTree(GoldenSamples.bytes(MessageTypes.FLAG_EXPOSED)));
    }

    @Test
    void verdictSamplesCarryLatencyPercentilesOfBothCohorts() {
        for (String type : new String[] {MessageTypes.IMPACT_ASSESSED, MessageTypes.ANOMALY_DETECTED}) {
            ImpactVerdict verdict = MessageCodec.payload(GoldenSamples.envelope(type), ImpactVerdict.class);

            assertThat(verdict.evidence().treatment())
                    .isEqualTo(new VerdictEvidence.Cohort(600, 0.061, 182.4, 640.8, 1210.5));
            assertThat(verdict.evidence().control().latencyP99()).isEqualTo(1104.7);
        }
    }

    @Test
    void cohortWithoutPercentilesLeavesThemOffTheWire() {
        JsonNode cohort = MessageCodec.tree(new VerdictEvidence.Cohort(100, 0.02));

        assertThat(cohort.has("latencyP50")).isFalse();
        assertThat(MessageCodec.mapper().convertValue(cohort, VerdictEvidence.Cohort.class))
                .isEqualTo(new VerdictEvidence.Cohort(100, 0.02, null, null, null));
    }

    @Test
    void unknownFieldsAreIgnoredSoChangesStayAdditive() {
        String withExtra = "{\"id\":\"5a0a3f0e-3c1e-4a59-9d55-0f0c8f6b2a11\",\"type\":\"FlagDeleted\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-26T10:00:00Z\",\"source\":\"flag-service\",\"addedLater\":true,"
                + "\"payload\":{\"project\":\"shop\",\"flagKey\":\"x\",\"futureField\":[1,2]}}";

        FlagDeleted deleted = MessageCodec.payload(
                MessageCodec.decode(withExtra.getBytes(StandardCharsets.UTF_8)), FlagDeleted.class);

        assertThat(deleted.flagKey()).isEqualTo("x");
    }

    @Test
    void bodyThatIsNotAnEnvelopeIsRejectedWithAReason() {
        assertThatThrownBy(() -> MessageCodec.decode("{\"type\":\"FlagDeleted\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("not a Lightswitch envelope");
        assertThatThrownBy(() -> MessageCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MessageFormatException.class);
    }
}
