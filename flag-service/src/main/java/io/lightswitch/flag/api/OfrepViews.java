package io.lightswitch.flag.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lightswitch.flag.domain.evaluation.EvaluationResult;
import java.util.List;
import java.util.Map;

/** OFREP response bodies (open-feature/protocol, service/openapi.yaml). */
public final class OfrepViews {

    private OfrepViews() {
    }

    /** A success or a failure of one flag: success has value, reason and variant; failure has errorCode. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evaluation(String key, Object value, String reason, String variant, Map<String, Object> metadata,
                             String errorCode, String errorDetails) {

        static Evaluation of(EvaluationResult result) {
            if (result.isError()) {
                return failure(result.flagKey(), result.errorCode().name(), result.errorDetails());
            }
            return new Evaluation(result.flagKey(), result.value(), result.reason().name(), result.variant(),
                    Map.of("flagVersion", result.flagVersion()), null, null);
        }

        static Evaluation failure(String key, String errorCode, String errorDetails) {
            return new Evaluation(key, null, null, null, null, errorCode, errorDetails);
        }
    }

    public record BulkEvaluation(List<Evaluation> flags) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkFailure(String errorCode, String errorDetails) {
    }
}
