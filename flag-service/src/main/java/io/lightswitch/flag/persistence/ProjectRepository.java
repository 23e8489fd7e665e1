package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Uni<Project> findByKey(String key) {
        return find("from Project p where p.key = ?1", key).firstResult();
    }

    public Uni<List<Project>> listOrdered() {
        return list("from Project p order by p.key");
    }
}
