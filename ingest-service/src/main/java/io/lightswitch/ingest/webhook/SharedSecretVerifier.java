package io.lightswitch.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Checks the static secret Unleash's webhook addon sends in the {@code Authorization} header, either
 * as the bare secret or as {@code Bearer <secret>}.
 */
public final class SharedSecretVerifier {

    private static final String BEARER = "bearer ";

    private final byte[] secretDigest;

    public SharedSecretVerifier(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("webhook secret must not be blank");
        }
        this.secretDigest = sha256(secret.strip());
    }

    public boolean verify(String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        String presented = authorizationHeader.strip();
        if (presented.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            presented = presented.substring(BEARER.length()).strip();
        }
        // Comparing digests keeps the comparison constant-time and independent of the secret's length.
        return MessageDigest.isEqual(secretDigest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
