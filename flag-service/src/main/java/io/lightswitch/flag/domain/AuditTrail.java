package io.lightswitch.flag.domain;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.persistence.AuditEntry;
import io.lightswitch.flag.persistence.AuditEntryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Writes who changed what, when, why, and the state before and after, in the change's transaction. */
@ApplicationScoped
public class AuditTrail {

    private final AuditEntryRepository repository;

    public AuditTrail(AuditEntryRepository repository) {
        this.repository = repository;
    }

    public Uni<Void> record(AuditRecord change) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.projectKey = change.projectKey();
        entry.environmentKey = change.environmentKey();
        entry.entityType = change.entityType();
        entry.entityKey = change.entityKey();
        entry.action = change.action();
        entry.actorKind = change.actor().kind();
        entry.actorId = change.actor().id();
        entry.actorName = change.actor().name();
        entry.reason = change.reason();
        entry.beforeState = change.before() == null ? null : JsonDocuments.write(change.before());
        entry.afterState = change.after() == null ? null : JsonDocuments.write(change.after());
        entry.evidence = change.evidence() == null ? null : JsonDocuments.write(change.evidence());
        entry.occurredAt = Instant.now();
        return repository.persist(entry).replaceWithVoid();
    }

    /** One audited change; {@code evidence} is set when a rule acted on analytics' verdict. */
    public record AuditRecord(String projectKey, String environmentKey, String entityType, String entityKey,
                              String action, Actor actor, String reason, Object before, Object after,
                              Object evidence) {

        public static AuditRecord of(String projectKey, String environmentKey, String entityType, String entityKey,
                                     String action, Actor actor, String reason, Object before, Object after) {
            return new AuditRecord(projectKey, environmentKey, entityType, entityKey, action, actor, reason, before,
                    after, null);
        }
    }
}
