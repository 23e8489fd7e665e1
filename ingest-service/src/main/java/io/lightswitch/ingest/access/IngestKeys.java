package io.lightswitch.ingest.access;

import io.lightswitch.ingest.domain.Attribution;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest and client keys of every environment, by the SHA-256 of the secret, as flag-service
 * announces them. Ingest keys authenticate OTLP, client keys RUM beacons; neither works for the other.
 * Filled once from flag-service's list and kept current by credential events, which may arrive while
 * the list is still being fetched: a key revoked meanwhile must not come back with the list.
 */
@ApplicationScoped
public class IngestKeys {

    public static final String INGEST_KIND = "ingest";
    public static final String CLIENT_KIND = "client";
    private static final int VERIFIED_CAPACITY = 10_000;

    private final Map<String, Credential> byHash = new ConcurrentHashMap<>();
    /** Secrets already hashed and found, so a busy key is not hashed per request. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** Bumped by every revocation; a verification from an older generation no longer counts. */
    private final AtomicLong generation = new AtomicLong();
    private final Set<String> revokedBeforeLoad = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    private record Verified(Credential credential, long generation) {
    }

    /** A known key: its kind ({@link #INGEST_KIND} or {@link #CLIENT_KIND}) and its environment. */
    public record Credential(String kind, Attribution attribution) {
    }

    public record Key(String kind, String project, String environment, String keyHash) {
    }

    /** The environment a secret is an ingest key of, or null. */
    public Attribution authenticate(String secret) {
        Credential credential = credential(secret);
        return credential != null && INGEST_KIND.equals(credential.kind()) ? credential.attribution() : null;
    }

    /** The kind and environment of any key this service follows, or null. */
    public Credential credential(String secret) {
        long current = generation.get();
        Verified known = verified.get(secret);
        if (known != null && known.generation() == current) {
            return known.credential();
        }
        Credential credential = byHash.get(hash(secret));
        if (credential != null && (known != null || verified.size() < VERIFIED_CAPACITY)) {
            verified.put(secret, new Verified(credential, current));
        }
        return credential;
    }

    public void issued(Key key) {
        if ((INGEST_KIND.equals(key.kind()) || CLIENT_KIND.equals(key.kind())) && key.keyHash() != null) {
            byHash.put(key.keyHash(), new Credential(key.kind(), new Attribution(key.project(), key.environment())));
        }
    }

    public void revoked(String keyHash) {
        if (keyHash == null) {
            return;
        }
        if (!loaded) {
            revokedBeforeLoad.add(keyHash);
        }
        byHash.remove(keyHash);
        generation.incrementAndGet();
        verified.clear();
    }

    /** Adds flag-service's list of active credentials; events received meanwhile take precedence. */
    public void load(Collection<Key> active) {
        for (Key key : active) {
            if (!revokedBeforeLoad.contains(key.keyHash())) {
                issued(key);
            }
        }
        loaded = true;
        revokedBeforeLoad.clear();
    }

    public boolean isLoaded() {
        return loaded;
    }

    public int size() {
        return byHash.size();
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
