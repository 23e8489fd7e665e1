package io.lightswitch.flag.domain.access;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * SHA-256 of a secret, lower-case hex. Secrets are 192 random bits, so an unsalted fast hash is enough
 * to make a leaked table useless, and it keeps the per-request check cheap.
 */
public final class SecretHasher {

    private SecretHasher() {
    }

    public static String hash(String secret) {
        return DigestUtils.sha256Hex(secret);
    }
}
