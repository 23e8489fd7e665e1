package io.lightswitch.flag.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The project-level definition of a flag; tags and variants are JSON documents. */
@Entity
@Table(name = "flag")
public class Flag {
    @Id
    public UUID id;
    public UUID projectId;
    public String key;
    public String name;
    public String description;
    public String tags;
    public String type;
    public String variants;
    public boolean clientVisible;
    public String salt;
    public Instant createdAt;
    public Instant updatedAt;
}
