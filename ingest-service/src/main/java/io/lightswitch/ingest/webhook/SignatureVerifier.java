package io.lightswitch.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a hex HMAC-SHA256 signature of a webhook's raw body (Flagsmith's {@code X-Flagsmith-Signature},
 * LaunchDarkly's {@code X-LD-Signature}). The body must be the exact bytes received: re-serialised JSON
 * would not match.
 */
public final class SignatureVerifier {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public SignatureVerifier(String secret) {
        if (secret == null || secret.isBlank()) {
            // An empty key would make every forger's job trivial; refuse the configuration instead.
            throw new IllegalArgumentException("webhook secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** True when {@code signatureHeader} is the HMAC of {@code rawBody}; hex in either case, optionally "sha256=". */
    public boolean verify(byte[] rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null) {
            return false;
        }
        String hex = signatureHeader.strip();
        if (hex.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            hex = hex.substring(PREFIX.length());
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(rawBody), presented);
    }

    /** The lower-case hex signature a provider would send for {@code rawBody}. */
    public String sign(byte[] rawBody) {
        return HexFormat.of().formatHex(mac(rawBody));
    }

    private byte[] mac(byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
