package io.lightswitch.ingest.domain;

import static io.lightswitch.ingest.domain.SemanticConventions.ENDUSER_ID;
import static io.lightswitch.ingest.domain.SemanticConventions.EVENT_NAME;
import static io.lightswitch.ingest.domain.SemanticConventions.FEATURE_FLAG_CONTEXT_ID;
import static io.lightswitch.ingest.domain.SemanticConventions.FEATURE_FLAG_EVALUATION;
import static io.lightswitch.ingest.domain.SemanticConventions.FEATURE_FLAG_KEY;
import static io.lightswitch.ingest.domain.SemanticConventions.SESSION_ID;
import static io.lightswitch.ingest.domain.SemanticConventions.USER_ID;
import static io.lightswitch.ingest.domain.SemanticConventions.environment;

import io.lightswitch.contracts.flag.FlagExposed.Exposure;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code feature_flag.evaluation} log records (the current semantic conventions' log-based
 * events) of an OTLP logs export into exposures, grouped by environment. Other log records are accepted
 * and not kept: ingest-service is not a log store. An evaluation that names no flag, variant or
 * context cannot be joined to anything and is rejected.
 */
public final class ExposureNormalizer {

    private ExposureNormalizer() {
    }

    public static Normalized<Exposure> normalize(ExportLogsServiceRequest request, Attribution key, Instant now) {
        Map<Attribution, List<Exposure>> accepted = new LinkedHashMap<>();
        Rejections rejections = new Rejections();
        int received = 0;
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            Attributes resource = Attributes.of(resourceLogs.getResource().getAttributesList());
            Attribution attribution = key.withEnvironment(environment(resource));
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                for (LogRecord log : scopeLogs.getLogRecordsList()) {
                    received++;
                    Attributes attributes = Attributes.of(log.getAttributesList());
                    if (!isFlagEvaluation(log, attributes)) {
                        continue;
                    }
                    String flagKey = attributes.text(FEATURE_FLAG_KEY);
                    String variant = SemanticConventions.variant(attributes);
                    String contextId = contextId(attributes, resource);
                    if (flagKey == null || variant == null || contextId == null) {
                        rejections.add("a feature_flag.evaluation record needs feature_flag.key, a variant or value, "
                                + "and feature_flag.context.id (or a user or session id)");
                        continue;
                    }
                    accepted.computeIfAbsent(attribution, a -> new ArrayList<>())
                            .add(new Exposure(flagKey, variant, contextId, time(log, now)));
                }
            }
        }
        return new Normalized<>(accepted, received, rejections.count(), rejections.message());
    }

    private static boolean isFlagEvaluation(LogRecord log, Attributes attributes) {
        return FEATURE_FLAG_EVALUATION.equals(log.getEventName())
                || FEATURE_FLAG_EVALUATION.equals(attributes.text(EVENT_NAME));
    }

    private static String contextId(Attributes log, Attributes resource) {
        for (String key : new String[] {FEATURE_FLAG_CONTEXT_ID, ENDUSER_ID, USER_ID, SESSION_ID}) {
            String value = log.text(key);
            if (value == null) {
                value = resource.text(key);
            }
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Instant time(LogRecord log, Instant now) {
        if (log.getTimeUnixNano() != 0) {
            return SpanNormalizer.instant(log.getTimeUnixNano());
        }
        return log.getObservedTimeUnixNano() != 0 ? SpanNormalizer.instant(log.getObservedTimeUnixNano()) : now;
    }
}
