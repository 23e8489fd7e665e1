package io.lightswitch.contracts.flag;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A flag's definition or its state in one environment changed. {@code before} and {@code after} are
 * the flag's state documents ({@code null} before a creation); {@code flagVersion} is the version of
 * the state after the change. {@code environment} is null for project-level changes that touch every
 * environment (name, variants, visibility). {@code change} names what happened: created, updated,
 * enabled, disabled, rollout, schedule-applied.
 */
public record FlagChanged(
        String project,
        String environment,
        String flagKey,
        long flagVersion,
        String change,
        Actor actor,
        String reason,
        JsonNode before,
        JsonNode after) {
}
