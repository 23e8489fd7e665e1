package io.lightswitch.flag.domain.access;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.domain.AuditTrail;
import io.lightswitch.flag.domain.AuditTrail.AuditRecord;
import io.lightswitch.flag.domain.CommitHooks;
import io.lightswitch.flag.domain.FieldError;
import io.lightswitch.flag.domain.KeyRules;
import io.lightswitch.flag.domain.NotFoundException;
import io.lightswitch.flag.persistence.Credential;
import io.lightswitch.flag.persistence.CredentialRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Admin tokens: for people (admin, viewer) and for the other Lightswitch services (service). */
@ApplicationScoped
public class TokenService {

    private static final String AUDIT_PROJECT = "_platform";

    private final CredentialRepository credentials;
    private final CredentialIssuer issuer;
    private final AuditTrail audit;
    private final CommitHooks hooks;

    public TokenService(CredentialRepository credentials, CredentialIssuer issuer, AuditTrail audit, CommitHooks hooks) {
        this.credentials = credentials;
        this.issuer = issuer;
        this.audit = audit;
        this.hooks = hooks;
    }

    public Uni<IssuedSecret> create(String name, String roleName, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        KeyRules.requireText("name", name, 200, errors);
        AdminRole role = null;
        try {
            role = roleName == null ? null : AdminRole.fromWire(roleName);
        } catch (IllegalArgumentException e) {
            role = null;
        }
        if (role == null) {
            errors.add(new FieldError("role", "must be admin, viewer or service"));
        }
        KeyRules.throwIfAny(errors);
        AdminRole granted = role;
        return Panache.withTransaction(() -> issuer.issueAdminToken(name, granted)
                        .call(issued -> audit.record(AuditRecord.of(AUDIT_PROJECT, null, "token", issued.id(),
                                "created", actor, null, null, Map.of("name", name, "role", granted.wireName())))))
                .call(hooks::credentialsChanged);
    }

    public Uni<List<Credential>> list() {
        return Panache.withSession(credentials::listAdminTokens);
    }

    public Uni<Void> revoke(String id, Actor actor) {
        return Panache.withTransaction(() -> credentials.findById(id)
                        .onItem().ifNull().failWith(() -> new NotFoundException("token", id))
                        .chain(credential -> {
                            if (!"admin".equals(credential.kind)) {
                                return Uni.createFrom().failure(new NotFoundException("token", id));
                            }
                            if (credential.revokedAt != null) {
                                return Uni.createFrom().voidItem();
                            }
                            return issuer.revoke(credential, null, null)
                                    .call(() -> audit.record(AuditRecord.of(AUDIT_PROJECT, null, "token", id,
                                            "revoked", actor, null, null, null)));
                        }))
                .call(hooks::credentialsChanged);
    }
}
