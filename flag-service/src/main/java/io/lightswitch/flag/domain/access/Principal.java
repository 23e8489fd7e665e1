package io.lightswitch.flag.domain.access;

import java.util.UUID;

/**
 * Whoever a presented secret belongs to. Admin tokens carry a role and no environment; environment
 * keys carry their project and environment.
 */
public record Principal(
        String credentialId, CredentialKind kind, AdminRole role, String name,
        UUID projectId, String projectKey, UUID environmentId, String environmentKey) {

    public static Principal bootstrapAdmin() {
        return new Principal("bootstrap", CredentialKind.ADMIN, AdminRole.ADMIN, "bootstrap token", null, null, null, null);
    }
}
