package io.lightswitch.contracts.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * Turn a flag off in one environment. Idempotent on {@code commandId}; flag-service applies it with the
 * rule as actor and confirms through a FlagChanged whose actor is that rule.
 */
public record DisableFlag(
        UUID commandId,
        String project,
        String environment,
        String flagKey,
        String ruleId,
        String ruleName,
        String incidentId,
        String reason,
        JsonNode evidence) {
}
