package io.lightswitch.flag.domain.access;

import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.flag.CredentialIssued;
import io.lightswitch.contracts.flag.CredentialRevoked;
import io.lightswitch.flag.messaging.Outbox;
import io.lightswitch.flag.persistence.Credential;
import io.lightswitch.flag.persistence.CredentialRepository;
import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.Project;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Issues and revokes secrets inside the caller's transaction, storing only their hash and announcing
 * each change (hash, never secret) so other services can authenticate locally.
 */
@ApplicationScoped
public class CredentialIssuer {

    private final CredentialRepository repository;
    private final Outbox outbox;

    public CredentialIssuer(CredentialRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    public Uni<IssuedSecret> issueEnvironmentKey(Project project, Environment environment, CredentialKind kind) {
        return issue(kind, null, kind.wireName() + " key of " + project.key + "/" + environment.key, project,
                environment);
    }

    public Uni<IssuedSecret> issueAdminToken(String name, AdminRole role) {
        return issue(CredentialKind.ADMIN, role, name, null, null);
    }

    public Uni<Void> revoke(Credential credential, String projectKey, String environmentKey) {
        credential.revokedAt = Instant.now();
        return outbox.enqueue(RoutingKeys.CREDENTIAL_REVOKED, MessageTypes.CREDENTIAL_REVOKED,
                new CredentialRevoked(credential.id, credential.kind, projectKey, environmentKey, credential.keyHash,
                        credential.revokedAt));
    }

    private Uni<IssuedSecret> issue(CredentialKind kind, AdminRole role, String name, Project project,
                                    Environment environment) {
        String secret = SecretGenerator.secret(kind);
        Credential credential = new Credential();
        credential.id = SecretGenerator.id(kind == CredentialKind.ADMIN ? "tok" : "key");
        credential.kind = kind.wireName();
        credential.role = role == null ? null : role.wireName();
        credential.name = name;
        credential.projectId = project == null ? null : project.id;
        credential.environmentId = environment == null ? null : environment.id;
        credential.keyHash = SecretHasher.hash(secret);
        credential.keyPrefix = SecretGenerator.displayPrefix(secret);
        credential.createdAt = Instant.now();
        var event = new CredentialIssued(credential.id, credential.kind, credential.role,
                project == null ? null : project.key, environment == null ? null : environment.key,
                credential.keyHash, credential.createdAt);
        return repository.persist(credential)
                .chain(() -> outbox.enqueue(RoutingKeys.CREDENTIAL_ISSUED, MessageTypes.CREDENTIAL_ISSUED, event))
                .replaceWith(new IssuedSecret(credential.id, kind, credential.role, name, secret, credential.keyPrefix,
                        credential.createdAt));
    }
}
