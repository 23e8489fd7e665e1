package io.lightswitch.flag.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.lightswitch.flag.config.LightswitchConfig;

/**
 * The active credentials of every project, by secret hash, held in memory so that authenticating a
 * request never waits on the database. Replaced whole by {@link #replace} when credentials change.
 */
@ApplicationScoped
public class CredentialDirectory {

    private final byte[] bootstrapToken;
    private static final int VERIFIED_CAPACITY = 10_000;

    private volatile Map<String, Principal> byHash = Map.of();
    /** Secrets already verified against the current table, so a busy key is not hashed per request. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A verification is only good for the table it was checked against; a revocation replaces the table. */
    private record Verified(Principal principal, Map<String, Principal> table) {
    }
    private volatile boolean loaded;

    public CredentialDirectory(LightswitchConfig config) {
        String token = config.admin().bootstrapToken();
        this.bootstrapToken = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** The principal a secret belongs to, or null when it is unknown or revoked. */
    public Principal authenticate(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        if (bootstrapToken != null && MessageDigest.isEqual(bootstrapToken, secret.getBytes(StandardCharsets.UTF_8))) {
            return Principal.bootstrapAdmin();
        }
        Map<String, Principal> table = byHash;
        Verified known = verified.get(secret);
        if (known != null && known.table() == table) {
            return known.principal();
        }
        Principal principal = table.get(SecretHasher.hash(secret));
        if (principal != null && (known != null || verified.size() < VERIFIED_CAPACITY)) {
            verified.put(secret, new Verified(principal, table));
        }
        return principal;
    }

    public void replace(Map<String, Principal> principalsByHash) {
        this.byHash = Map.copyOf(principalsByHash);
        verified.clear();
        this.loaded = true;
    }

    /** Every active credential by hash, as last loaded. */
    public Map<String, Principal> active() {
        return byHash;
    }

    public boolean isLoaded() {
        return loaded;
    }
}
