package io.lightswitch.workflow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.workflow.persistence.ExecutionRow;
import io.lightswitch.workflow.persistence.IncidentRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the incidents and executions API. */
public final class IncidentViews {

    private IncidentViews() {
    }

    public record RuleRef(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An incident of a verdict rule, or the notification of a flag-change rule (trigger"
            + " FLAG_CHANGE, recorded closed). evidence is the opening verdict or flag change as received.")
    public record IncidentView(UUID id, String trigger, RuleRef rule, String project, String environment,
                               String flagKey, String variant, String metric, String service, String operation,
                               boolean dryRun, String status, Instant openedAt, Instant closedAt,
                               @Schema(description = "confirmed (flag-service applied the rule's command),"
                                       + " recovered (a later healthy verdict) or notified (flag-change rules)")
                               String closeReason,
                               @Schema(description = "messages about this incident: the two of one analytics turn,"
                                       + " redeliveries counted once") int verdicts,
                               Instant lastSeenAt, JsonNode evidence, List<ExecutionView> actions) {

        static IncidentView of(IncidentRow row, List<ExecutionRow> executions) {
            return new IncidentView(row.id(), row.trigger(), new RuleRef(row.ruleId(), row.ruleName()),
                    row.project(), row.environment(), row.flagKey(), row.variant(), row.metric(), row.service(),
                    row.operation(), row.dryRun(), row.status(), row.openedAt(), row.closedAt(), row.closeReason(),
                    row.verdicts(), row.lastSeenAt(), json(row.evidence()),
                    executions == null ? null : executions.stream().map(ExecutionView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One action of an incident: what it sent (or, in a dry run, would have sent) and how"
            + " it went. Commands: queued, published, confirmed. Webhooks: pending, delivered, failed.")
    public record ExecutionView(UUID incidentId, RuleRef rule, String environment, String flagKey, int index,
                                String type, String status, UUID commandId,
                                @Schema(description = "the command, or the webhook request with header names only")
                                JsonNode payload, int attempts, Integer responseStatus, String responseBody,
                                String detail,
                                @Schema(description = "webhooks: every attempt with its time, status and error")
                                JsonNode attemptLog, Instant nextAttemptAt, Instant createdAt, Instant updatedAt) {

        static ExecutionView of(ExecutionRow row) {
            return new ExecutionView(row.incidentId(), new RuleRef(row.ruleId(), row.ruleName()), row.environment(),
                    row.flagKey(), row.index(), row.type(), row.status(), row.commandId(), json(row.payload()),
                    row.attempts(), row.responseStatus(), row.responseBody(), row.detail(), json(row.attemptLog()),
                    row.nextAttemptAt(), row.createdAt(), row.updatedAt());
        }
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MessageCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored JSON", e);
        }
    }
}
