package io.lightswitch.contracts.flag;

import java.time.Instant;

/** A key or token stopped being valid (rotated or deleted). */
public record CredentialRevoked(
        String credentialId, String kind, String project, String environment, String keyHash, Instant revokedAt) {
}
