package io.lightswitch.flag.domain;

import io.lightswitch.flag.persistence.AuditEntry;
import io.lightswitch.flag.persistence.AuditEntryRepository;
import io.lightswitch.flag.persistence.AuditQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AuditService {

    static final int MAX_LIMIT = 500;

    private final AuditEntryRepository entries;
    private final Lookup lookup;

    public AuditService(AuditEntryRepository entries, Lookup lookup) {
        this.entries = entries;
        this.lookup = lookup;
    }

    public Uni<List<AuditEntry>> search(AuditQuery query) {
        List<FieldError> errors = new ArrayList<>();
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (query.offset() < 0) {
            errors.add(new FieldError("offset", "must not be negative"));
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            errors.add(new FieldError("from", "must be before 'to'"));
        }
        KeyRules.throwIfAny(errors);
        return Panache.withSession(() -> lookup.project(query.projectKey()).chain(project -> entries.search(query)));
    }
}
