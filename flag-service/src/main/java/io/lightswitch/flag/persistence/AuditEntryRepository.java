package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /** Newest first; every filter is optional except the project. */
    public Uni<List<AuditEntry>> search(AuditQuery query) {
        StringBuilder hql = new StringBuilder("from AuditEntry a where a.projectKey = :project");
        Parameters params = Parameters.with("project", query.projectKey());
        if (query.entityKey() != null) {
            hql.append(" and a.entityKey = :entity");
            params.and("entity", query.entityKey());
        }
        if (query.entityType() != null) {
            hql.append(" and a.entityType = :type");
            params.and("type", query.entityType());
        }
        if (query.environmentKey() != null) {
            hql.append(" and a.environmentKey = :environment");
            params.and("environment", query.environmentKey());
        }
        if (query.actorId() != null) {
            hql.append(" and (a.actorId = :actor or a.actorName = :actor)");
            params.and("actor", query.actorId());
        }
        if (query.from() != null) {
            hql.append(" and a.occurredAt >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            hql.append(" and a.occurredAt < :to");
            params.and("to", query.to());
        }
        hql.append(" order by a.occurredAt desc, a.id");
        return find(hql.toString(), params).range(query.offset(), query.offset() + query.limit() - 1).list();
    }
}
