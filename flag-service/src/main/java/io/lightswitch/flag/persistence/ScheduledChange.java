package io.lightswitch.flag.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a rollout plan: at {@code dueAt}, set the default serve (and optionally the kill switch). */
@Entity
@Table(name = "scheduled_change")
public class ScheduledChange {
    public static final String PENDING = "pending";
    public static final String APPLIED = "applied";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    public UUID planId;
    public UUID flagId;
    public UUID environmentId;
    public int step;
    public Instant dueAt;
    public String serve;
    public Boolean enabled;
    public String status;
    public String outcome;
    public String createdBy;
    public String reason;
    public Instant createdAt;
    public Instant appliedAt;
}
