package io.lightswitch.workflow.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a rendered body the way GitHub-style receivers verify it: header value {@code sha256=<hex>}, the
 * lower-case hex HMAC-SHA256 of the exact body bytes (UTF-8) with the rule's secret.
 */
public final class WebhookSigner {

    public static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {
    }

    public static String signatureHeaderValue(String secret, String body) {
        return PREFIX + hmacHex(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    public static String hmacHex(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a signature needs a secret");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
