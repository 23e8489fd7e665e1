package io.lightswitch.flag.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    public UUID id;
    public String projectKey;
    public String environmentKey;
    public String entityType;
    public String entityKey;
    public String action;
    public String actorKind;
    public String actorId;
    public String actorName;
    public String reason;
    public String beforeState;
    public String afterState;
    public String evidence;
    public Instant occurredAt;
}
