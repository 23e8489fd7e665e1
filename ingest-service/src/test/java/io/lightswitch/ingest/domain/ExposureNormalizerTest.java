package io.lightswitch.ingest.domain;

import static io.lightswitch.ingest.support.Otlp.attr;
import static io.lightswitch.ingest.support.Otlp.flagEvaluation;
import static io.lightswitch.ingest.support.Otlp.logs;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.flag.FlagExposed.Exposure;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureNormalizerTest {

    private static final Attribution KEY = new Attribution("shop", "production");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void flagEvaluationRecordsBecomeExposuresAndOtherLogsAreAcceptedButNotKept() {
        Normalized<Exposure> result = ExposureNormalizer.normalize(logs(List.of(attr("service.name", "web")),
                flagEvaluation("dark-mode", "on", "user-1").build(),
                LogRecord.newBuilder().setBody(io.opentelemetry.proto.common.v1.AnyValue.newBuilder()
                        .setStringValue("GET / 200")).build(),
                LogRecord.newBuilder().addAttributes(attr("event.name", "feature_flag.evaluation"))
                        .addAttributes(attr("feature_flag.key", "banner"))
                        .addAttributes(attr("feature_flag.variant", "blue"))
                        .addAttributes(attr("user.id", "user-2")).build()), KEY, NOW);

        assertThat(result.received()).isEqualTo(3);
        assertThat(result.rejected()).isZero();
        assertThat(result.accepted().get(KEY)).containsExactly(
                new Exposure("dark-mode", "on", "user-1", Instant.parse("2025-11-26T09:31:01.020Z")),
                new Exposure("banner", "blue", "user-2", NOW));
    }

    @Test
    void evaluationWithoutContextOrVariantIsRejected() {
        Normalized<Exposure> result = ExposureNormalizer.normalize(logs(List.of(),
                LogRecord.newBuilder().setEventName("feature_flag.evaluation")
                        .addAttributes(attr("feature_flag.key", "dark-mode"))
                        .addAttributes(attr("feature_flag.result.variant", "on")).build(),
                LogRecord.newBuilder().setEventName("feature_flag.evaluation")
                        .addAttributes(attr("feature_flag.key", "dark-mode"))
                        .addAttributes(attr("session.id", "s-1")).build()), KEY, NOW);

        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.accepted()).isEmpty();
        assertThat(result.firstRejection()).startsWith("a feature_flag.evaluation record needs feature_flag.key");
    }

    @Test
    void environmentNamedByTheResourceWins() {
        Normalized<Exposure> result = ExposureNormalizer.normalize(
                logs(List.of(attr("deployment.environment.name", "staging")),
                        flagEvaluation("dark-mode", "off", "user-9").build()), KEY, NOW);

        assertThat(result.accepted()).containsOnlyKeys(new Attribution("shop", "staging"));
    }
}
