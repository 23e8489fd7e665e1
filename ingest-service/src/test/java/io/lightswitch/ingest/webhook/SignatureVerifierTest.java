package io.lightswitch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    // RFC 4231, test case 2: an independent check that this is plain HMAC-SHA256 over the bytes.
    private static final byte[] RFC_BODY = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
    private static final String RFC_SIGNATURE = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private final SignatureVerifier verifier = new SignatureVerifier("Jefe");

    @Test
    void acceptsTheHexHmacSha256OfTheRawBody() {
        assertThat(verifier.sign(RFC_BODY)).isEqualTo(RFC_SIGNATURE);
        assertThat(verifier.verify(RFC_BODY, RFC_SIGNATURE)).isTrue();
    }

    @Test
    void acceptsUpperCaseHexAndASha256Prefix() {
        assertThat(verifier.verify(RFC_BODY, RFC_SIGNATURE.toUpperCase())).isTrue();
        assertThat(verifier.verify(RFC_BODY, "sha256=" + RFC_SIGNATURE)).isTrue();
        assertThat(verifier.verify(RFC_BODY, "SHA256=" + RFC_SIGNATURE.toUpperCase())).isTrue();
        assertThat(verifier.verify(RFC_BODY, " " + RFC_SIGNATURE + " ")).isTrue();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String forged = new SignatureVerifier("not-the-secret").sign(RFC_BODY);

        assertThat(verifier.verify(RFC_BODY, forged)).isFalse();
    }

    @Test
    void rejectsAValidSignatureOverADifferentBody() {
        byte[] fixture = WebhookFixtures.bytes("flagsmith/flag-updated-enabled.json");
        SignatureVerifier flagsmith = new SignatureVerifier("whsec-flagsmith-41");
        String signature = flagsmith.sign(fixture);
        byte[] tampered = new String(fixture, StandardCharsets.UTF_8)
                .replace("\"enabled\": true", "\"enabled\": false")
                .getBytes(StandardCharsets.UTF_8);
        byte[] reformatted = (new String(fixture, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(flagsmith.verify(fixture, signature)).isTrue();
        assertThat(flagsmith.verify(tampered, signature)).isFalse();
        assertThat(flagsmith.verify(reformatted, signature)).isFalse();
    }

    @Test
    void rejectsMissingMalformedAndTruncatedSignatures() {
        assertThat(verifier.verify(RFC_BODY, null)).isFalse();
        assertThat(verifier.verify(RFC_BODY, "")).isFalse();
        assertThat(verifier.verify(RFC_BODY, "sha256=")).isFalse();
        assertThat(verifier.verify(RFC_BODY, "zz" + RFC_SIGNATURE.substring(2))).isFalse();
        assertThat(verifier.verify(RFC_BODY, RFC_SIGNATURE.substring(0, 62))).isFalse();
        assertThat(verifier.verify(RFC_BODY, RFC_SIGNATURE + "00")).isFalse();
        assertThat(verifier.verify(null, RFC_SIGNATURE)).isFalse();
    }

    @Test
    void refusesABlankSecretSoAMissingConfigurationCannotAcceptEverything() {
        assertThatThrownBy(() -> new SignatureVerifier("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureVerifier("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureVerifier(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
