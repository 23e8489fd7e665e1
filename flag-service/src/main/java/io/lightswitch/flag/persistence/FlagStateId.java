package io.lightswitch.flag.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public class FlagStateId implements Serializable {
    public UUID flagId;
    public UUID environmentId;

    public FlagStateId() {
    }

    public FlagStateId(UUID flagId, UUID environmentId) {
        this.flagId = flagId;
        this.environmentId = environmentId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlagStateId other
                && Objects.equals(flagId, other.flagId)
                && Objects.equals(environmentId, other.environmentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flagId, environmentId);
    }
}
