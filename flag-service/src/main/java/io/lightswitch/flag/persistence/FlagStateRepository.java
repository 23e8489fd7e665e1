package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class FlagStateRepository implements PanacheRepositoryBase<FlagState, FlagStateId> {

    /** Locks the row so that concurrent changes of one flag state serialise and versions never repeat. */
    public Uni<FlagState> findForUpdate(UUID flagId, UUID environmentId) {
        return findById(new FlagStateId(flagId, environmentId), LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<FlagState> find(UUID flagId, UUID environmentId) {
        return findById(new FlagStateId(flagId, environmentId));
    }

    public Uni<List<FlagState>> listByEnvironment(UUID environmentId) {
        return list("from FlagState s where s.environmentId = ?1", environmentId);
    }

    public Uni<List<FlagState>> listByFlag(UUID flagId) {
        return list("from FlagState s where s.flagId = ?1", flagId);
    }

    /** Flag states of a project whose rules mention a segment key (a text match, confirmed by the caller). */
    public Uni<List<FlagState>> listMentioningSegment(UUID projectId, String segmentKey) {
        return list("from FlagState s where s.flagId in (select f.id from Flag f where f.projectId = ?1)"
                + " and s.rules like ?2", projectId, "%\"segment\":\"" + segmentKey + "\"%");
    }
}
