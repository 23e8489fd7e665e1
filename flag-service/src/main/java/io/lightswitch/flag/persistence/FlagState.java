package io.lightswitch.flag.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A flag's state in one environment; rules, default serve and overrides are JSON documents. */
@Entity
@Table(name = "flag_state")
@IdClass(FlagStateId.class)
public class FlagState {
    @Id
    public UUID flagId;
    @Id
    public UUID environmentId;
    public boolean enabled;
    public String offVariant;
    public String rules;
    public String defaultServe;
    public String overrides;
    public long version;
    public Instant updatedAt;
}
