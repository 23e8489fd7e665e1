package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class SegmentRepository implements PanacheRepositoryBase<Segment, UUID> {

    public Uni<Segment> findByProjectAndKey(UUID projectId, String key) {
        return find("from Segment s where s.projectId = ?1 and s.key = ?2", projectId, key).firstResult();
    }

    /** Locks the segment so that no flag state can start using it while it is being deleted. */
    public Uni<Segment> findByProjectAndKeyForUpdate(UUID projectId, String key) {
        return find("from Segment s where s.projectId = ?1 and s.key = ?2", projectId, key)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Share-locks the project's segments for a flag-state change, so a concurrent delete waits for it. */
    public Uni<List<Segment>> listByProjectForShare(UUID projectId) {
        return find("from Segment s where s.projectId = ?1 order by s.key", projectId)
                .withLock(LockModeType.PESSIMISTIC_READ).list();
    }

    public Uni<List<Segment>> listByProject(UUID projectId) {
        return list("from Segment s where s.projectId = ?1 order by s.key", projectId);
    }
}
