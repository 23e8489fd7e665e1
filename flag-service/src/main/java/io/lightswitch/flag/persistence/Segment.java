package io.lightswitch.flag.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "segment")
public class Segment {
    @Id
    public UUID id;
    public UUID projectId;
    public String key;
    public String name;
    public String description;
    public String match;
    public String conditions;
    public Instant createdAt;
    public Instant updatedAt;
}
