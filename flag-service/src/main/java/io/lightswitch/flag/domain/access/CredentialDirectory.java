package io.lightswitch.flag.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import io.lightswitch.flag.config.LightswitchConfig;

/**
 * The active credentials of every project, by secret hash, held in memory so that authenticating a
 * request never waits on the database. Replaced whole by {@link #replace} when credentials change.
 */
@ApplicationScoped
public class CredentialDirectory {

    private final byte[] bootstrapToken;
    private volatile Map<String, Principal> byHash = Map.of();
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
        return byHash.get(SecretHasher.hash(secret));
    }

    public void replace(Map<String, Principal> principalsByHash) {
        this.byHash = Map.copyOf(principalsByHash);
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
