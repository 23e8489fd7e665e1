package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnvironmentRepository implements PanacheRepositoryBase<Environment, UUID> {

    public Uni<Environment> findByProjectAndKey(UUID projectId, String key) {
        return find("from Environment e where e.projectId = ?1 and e.key = ?2", projectId, key).firstResult();
    }

    public Uni<List<Environment>> listByProject(UUID projectId) {
        return list("from Environment e where e.projectId = ?1 order by e.createdAt", projectId);
    }
}
