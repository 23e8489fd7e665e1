package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SegmentRepository implements PanacheRepositoryBase<Segment, UUID> {

    public Uni<Segment> findByProjectAndKey(UUID projectId, String key) {
        return find("from Segment s where s.projectId = ?1 and s.key = ?2", projectId, key).firstResult();
    }

    public Uni<List<Segment>> listByProject(UUID projectId) {
        return list("from Segment s where s.projectId = ?1 order by s.key", projectId);
    }
}
