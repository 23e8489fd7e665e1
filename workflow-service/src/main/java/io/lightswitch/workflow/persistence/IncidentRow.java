package io.lightswitch.workflow.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of table {@code incident}. {@code evidence} is the opening verdict or flag change as JSON.
 *
 * @param windowSince the verdict's {@code since} the incident id was derived from; null for flag changes
 */
public record IncidentRow(UUID id, String trigger, String ruleId, String ruleName, String project,
                          String environment, String flagKey, String variant, String metric, String service,
                          String operation, Instant windowSince, boolean dryRun, String status, Instant openedAt,
                          Instant closedAt, String closeReason, String evidence, int verdicts, Instant lastSeenAt) {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    public static final String CONFIRMED = "confirmed";
    public static final String RECOVERED = "recovered";
    public static final String NOTIFIED = "notified";
}
