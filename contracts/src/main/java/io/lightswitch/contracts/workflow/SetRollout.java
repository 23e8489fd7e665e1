package io.lightswitch.contracts.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * Replace the default split of a flag in one environment (for example back to 0% of the new variant).
 * Weights are percentages adding up to 100. Idempotent on {@code commandId}.
 */
public record SetRollout(
        UUID commandId,
        String project,
        String environment,
        String flagKey,
        List<Share> split,
        String ruleId,
        String ruleName,
        String incidentId,
        String reason,
        JsonNode evidence) {

    public record Share(String variant, double weight) {
    }
}
