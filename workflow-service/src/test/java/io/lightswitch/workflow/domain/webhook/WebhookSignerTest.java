package io.lightswitch.workflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void matchesRfc4231TestCase2() {
        assertThat(WebhookSigner.hmacHex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void headerValueIsPrefixedLowerCaseHex() {
        assertThat(WebhookSigner.signatureHeaderValue("s3cret", "{\"text\":\"é\"}")).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void anyChangeToTheBodyChangesTheSignature() {
        assertThat(WebhookSigner.signatureHeaderValue("s3cret", "{\"a\":1}"))
                .isNotEqualTo(WebhookSigner.signatureHeaderValue("s3cret", "{\"a\":2}"))
                .isNotEqualTo(WebhookSigner.signatureHeaderValue("other", "{\"a\":1}"));
    }

    @Test
    void refusesToSignWithoutASecret() {
        assertThatThrownBy(() -> WebhookSigner.signatureHeaderValue("", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
