package io.lightswitch.contracts.flag;

import java.time.Instant;

/**
 * A key or token was issued. Carries the SHA-256 hash of the secret (lower-case hex), never the
 * secret. {@code kind} is admin, server, client or ingest; admin tokens have no project or environment.
 * {@code role} is set for admin tokens (admin, viewer, service).
 */
public record CredentialIssued(
        String credentialId, String kind, String role, String project, String environment, String keyHash,
        Instant issuedAt) {
    public static final String ADMIN = "admin";
    public static final String SERVER = "server";
    public static final String CLIENT = "client";
    public static final String INGEST = "ingest";
}
