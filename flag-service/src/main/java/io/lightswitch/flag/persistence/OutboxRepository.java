package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.time.Instant;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, UUID> {

    /** Claims the oldest unpublished messages; SKIP LOCKED lets replicas relay in parallel without overlap. */
    @SuppressWarnings("unchecked")
    public Uni<List<OutboxMessage>> claimUnpublished(int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select * from flag.outbox where published_at is null order by created_at"
                                + " limit :limit for update skip locked", OutboxMessage.class)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<Long> countUnpublished() {
        return count("from OutboxMessage o where o.publishedAt is null");
    }

    public Uni<Integer> deletePublishedBefore(Instant cutoff) {
        return delete("from OutboxMessage o where o.publishedAt < ?1", cutoff).map(Long::intValue);
    }
}
