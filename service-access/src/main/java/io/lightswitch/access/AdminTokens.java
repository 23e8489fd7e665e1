package io.lightswitch.access;

import io.lightswitch.contracts.flag.CredentialIssued;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin tokens flag-service has issued, by the SHA-256 of the secret, plus the configured bootstrap
 * token. Filled once from flag-service's list and kept current by credential events, which may arrive
 * while the list is still being fetched: a token revoked meanwhile must not come back with the list.
 * Environment keys (server, client, ingest) are not admin tokens and are never accepted here.
 *
 * <p>Secrets are hashed on every request rather than cached: one SHA-256 of a short string costs about a
 * microsecond, far less than any query behind the API, and no table of raw secrets is kept.
 */
public final class AdminTokens {

    private final byte[] bootstrapToken;
    private final Map<String, AdminPrincipal> byHash = new ConcurrentHashMap<>();
    /** Hashes revoked before the list arrived; guarded by {@code this}, like every write. */
    private final Set<String> revokedBeforeLoad = new HashSet<>();
    private volatile boolean loaded;

    /** An admin-kind credential as flag-service announces it: never the secret, only its hash. */
    public record Credential(String credentialId, String kind, String role, String keyHash) {
    }

    /** @param bootstrapToken accepted as an admin token; null or blank for none */
    public AdminTokens(String bootstrapToken) {
        this.bootstrapToken = bootstrapToken == null || bootstrapToken.isBlank()
                ? null : bootstrapToken.getBytes(StandardCharsets.UTF_8);
    }

    /** Whom a presented secret belongs to, or null when it is no active admin token. */
    public AdminPrincipal authenticate(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        // Compared in constant time: the bootstrap token is a plain secret, not a hash.
        if (bootstrapToken != null && MessageDigest.isEqual(bootstrapToken, secret.getBytes(StandardCharsets.UTF_8))) {
            return AdminPrincipal.bootstrap();
        }
        return byHash.get(hash(secret));
    }

    public synchronized void issued(Credential credential) {
        if (!CredentialIssued.ADMIN.equals(credential.kind()) || credential.keyHash() == null
                || revokedBeforeLoad.contains(credential.keyHash())) {
            return;
        }
        AdminRole role = AdminRole.fromWire(credential.role());
        if (role != null) {
            byHash.put(credential.keyHash(), new AdminPrincipal(credential.credentialId(), role));
        }
    }

    public synchronized void revoked(String keyHash) {
        if (keyHash == null) {
            return;
        }
        if (!loaded) {
            revokedBeforeLoad.add(keyHash);
        }
        byHash.remove(keyHash);
    }

    /** Adds flag-service's list of active credentials; revocations received meanwhile take precedence. */
    public synchronized void load(Collection<Credential> active) {
        for (Credential credential : active) {
            issued(credential);
        }
        loaded = true;
        revokedBeforeLoad.clear();
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Issued admin tokens known, the bootstrap token not included. */
    public int size() {
        return byHash.size();
    }

    public boolean hasBootstrapToken() {
        return bootstrapToken != null;
    }

    /** Lower-case hex SHA-256, as flag-service hashes secrets. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
