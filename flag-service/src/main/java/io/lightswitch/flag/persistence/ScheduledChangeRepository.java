package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import java.time.Instant;

@ApplicationScoped
public class ScheduledChangeRepository implements PanacheRepositoryBase<ScheduledChange, UUID> {

    /**
     * Claims due steps for this transaction; SKIP LOCKED lets several replicas run the scheduler without
     * applying a step twice.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<ScheduledChange>> claimDue(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select * from flag.scheduled_change where status = 'pending' and due_at <= :now"
                                + " order by due_at, step limit :limit for update skip locked", ScheduledChange.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<List<ScheduledChange>> listByFlagState(UUID flagId, UUID environmentId) {
        return list("from ScheduledChange c where c.flagId = ?1 and c.environmentId = ?2 order by c.dueAt, c.step",
                flagId, environmentId);
    }

    public Uni<List<ScheduledChange>> listPendingByPlan(UUID planId) {
        return list("from ScheduledChange c where c.planId = ?1 and c.status = ?2", planId, ScheduledChange.PENDING);
    }

    public Uni<List<ScheduledChange>> listByPlan(UUID planId) {
        return list("from ScheduledChange c where c.planId = ?1 order by c.step", planId);
    }

    /** Locks the plan's steps so that a cancel waits for a scheduler pass applying one of them. */
    public Uni<List<ScheduledChange>> listByPlanForUpdate(UUID planId) {
        return find("from ScheduledChange c where c.planId = ?1 order by c.step", planId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
