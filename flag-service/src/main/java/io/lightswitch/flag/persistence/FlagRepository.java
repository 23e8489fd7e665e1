package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FlagRepository implements PanacheRepositoryBase<Flag, UUID> {

    public Uni<Flag> findByProjectAndKey(UUID projectId, String key) {
        return find("from Flag f where f.projectId = ?1 and f.key = ?2", projectId, key).firstResult();
    }

    public Uni<List<Flag>> listByProject(UUID projectId) {
        return list("from Flag f where f.projectId = ?1 order by f.key", projectId);
    }
}
