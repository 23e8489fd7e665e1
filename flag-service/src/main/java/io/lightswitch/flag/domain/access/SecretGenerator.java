package io.lightswitch.flag.domain.access;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes secrets that say what they are: {@code ls_srv_…}, {@code ls_cli_…}, {@code ls_ing_…}, {@code ls_adm_…}. */
public final class SecretGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SecretGenerator() {
    }

    public static String secret(CredentialKind kind) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "ls_" + kind.prefix() + "_" + ENCODER.encodeToString(bytes);
    }

    public static String id(String prefix) {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + ENCODER.encodeToString(bytes);
    }

    /** What may be shown of a secret after it is issued, to tell keys apart. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), 11)) + "…";
    }
}
