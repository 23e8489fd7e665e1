package io.lightswitch.flag.domain.evaluation;

import java.util.Map;

/**
 * Who a flag is evaluated for. Attribute values are JSON-decoded: String, Boolean, Number, Map, List or
 * null. The attributes map is used as given, not copied, because a context is built for every request;
 * callers must not change it during an evaluation.
 */
public record EvaluationContext(String targetingKey, Map<String, Object> attributes) {

    public EvaluationContext {
        attributes = attributes == null ? Map.of() : attributes;
    }

    public static EvaluationContext of(String targetingKey) {
        return new EvaluationContext(targetingKey, Map.of());
    }
}
