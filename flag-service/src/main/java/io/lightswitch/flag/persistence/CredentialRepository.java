package io.lightswitch.flag.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CredentialRepository implements PanacheRepositoryBase<Credential, String> {

    public Uni<List<Credential>> listActive() {
        return list("from Credential c where c.revokedAt is null");
    }

    public Uni<List<Credential>> listActiveByEnvironmentAndKind(UUID environmentId, String kind) {
        return list("from Credential c where c.environmentId = ?1 and c.kind = ?2 and c.revokedAt is null",
                environmentId, kind);
    }

    public Uni<List<Credential>> listActiveByEnvironment(UUID environmentId) {
        return list("from Credential c where c.environmentId = ?1 and c.revokedAt is null order by c.kind",
                environmentId);
    }

    public Uni<List<Credential>> listAdminTokens() {
        return list("from Credential c where c.kind = ?1 order by c.createdAt", "admin");
    }
}
