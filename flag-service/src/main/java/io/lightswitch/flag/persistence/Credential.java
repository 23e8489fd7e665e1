package io.lightswitch.flag.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "credential")
public class Credential {
    @Id
    public String id;
    public String kind;
    public String role;
    public String name;
    public UUID projectId;
    public UUID environmentId;
    public String keyHash;
    public String keyPrefix;
    public Instant createdAt;
    public Instant revokedAt;
}
