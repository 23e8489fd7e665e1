package io.lightswitch.workflow.domain.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightswitch.contracts.GoldenSamples;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Trigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a webhook template can name (documented in docs/workflow-webhooks.md):
 * {@code rule.*}, and {@code incident.*} with {@code verdict.*} for verdict rules, or {@code change.*} for
 * flag-change rules. Message fields keep their contract names; absent values are present as null, so a
 * template may name any of them and they render empty.
 */
public final class WebhookModel {

    private static final ObjectMapper MAPPER = MessageCodec.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private WebhookModel() {
    }

    public static Map<String, Object> forIncident(Rule rule, String incidentId, ImpactVerdict verdict,
                                                  Instant openedAt) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", incidentId);
        incident.put("project", verdict.project());
        incident.put("environment", verdict.environment());
        incident.put("flagKey", verdict.flagKey());
        incident.put("variant", verdict.variant());
        incident.put("metric", verdict.metric());
        incident.put("service", verdict.service());
        incident.put("operation", verdict.operation());
        incident.put("dryRun", rule.dryRun());
        incident.put("openedAt", openedAt.toString());
        incident.put("openedAtEpochMillis", openedAt.toEpochMilli());

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rule", ruleFields(rule));
        model.put("incident", incident);
        model.put("verdict", MAPPER.convertValue(verdict, MAP));
        return model;
    }

    /** @param occurredAt the FlagChanged envelope's {@code occurredAt}: the payload carries no time */
    public static Map<String, Object> forFlagChange(Rule rule, FlagChanged change, Instant occurredAt) {
        Map<String, Object> fields = MAPPER.convertValue(change, MAP);
        fields.put("occurredAt", occurredAt.toString());
        fields.put("occurredAtEpochMillis", occurredAt.toEpochMilli());
        // project-level changes have no environment; templates get a word for them instead of an empty string
        fields.put("environmentOrAll", change.environment() == null ? "all environments" : change.environment());

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rule", ruleFields(rule));
        model.put("change", fields);
        return model;
    }

    /** A model built from the golden samples, to check that a template renders for the rule's trigger. */
    public static Map<String, Object> example(Rule rule) {
        if (rule.trigger() == Trigger.FLAG_CHANGE) {
            var envelope = GoldenSamples.envelope("FlagChanged");
            return forFlagChange(rule, MessageCodec.payload(envelope, FlagChanged.class), envelope.occurredAt());
        }
        ImpactVerdict verdict = MessageCodec.payload(GoldenSamples.envelope("ImpactAssessed"), ImpactVerdict.class);
        return forIncident(rule, "00000000-0000-0000-0000-000000000000", verdict, verdict.assessedAt());
    }

    private static Map<String, Object> ruleFields(Rule rule) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", rule.id());
        fields.put("name", rule.name());
        return fields;
    }
}
