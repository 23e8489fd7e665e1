package io.lightswitch.ingest.domain;

import static io.lightswitch.ingest.domain.SemanticConventions.FEATURE_FLAG_EVALUATION;
import static io.lightswitch.ingest.domain.SemanticConventions.FEATURE_FLAG_KEY;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flags a span saw: {@code feature_flag.evaluation} span events (OpenFeature tracing hooks) and
 * {@code feature_flag.*} attributes on the span itself. An evaluation without a variant or value says
 * nothing about the cohort and is skipped.
 */
final class FlagEvaluations {

    private FlagEvaluations() {
    }

    static Map<String, String> of(Span span, Attributes attributes) {
        Map<String, String> flags = new LinkedHashMap<>();
        add(flags, attributes);
        for (Span.Event event : span.getEventsList()) {
            if (FEATURE_FLAG_EVALUATION.equals(event.getName())) {
                add(flags, Attributes.of(event.getAttributesList()));
            }
        }
        return flags;
    }

    private static void add(Map<String, String> flags, Attributes attributes) {
        String key = attributes.text(FEATURE_FLAG_KEY);
        String variant = key == null ? null : SemanticConventions.variant(attributes);
        if (variant != null) {
            flags.put(key, variant);
        }
    }
}
