package io.lightswitch.workflow.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of table {@code action_execution} with what a listing needs of its incident and, for webhooks, of its
 * delivery. {@code payload} and {@code attemptLog} are JSON.
 */
public record ExecutionRow(UUID incidentId, String ruleId, String ruleName, String environment, String flagKey,
                           int index, String type, String status, UUID commandId, String payload, int attempts,
                           Integer responseStatus, String responseBody, String detail, String attemptLog,
                           Instant nextAttemptAt, Instant createdAt, Instant updatedAt) {

    public static final String DRY_RUN = "dry_run";
    public static final String QUEUED = "queued";
    public static final String PUBLISHED = "published";
    public static final String CONFIRMED = "confirmed";
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
