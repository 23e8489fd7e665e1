package io.lightswitch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedSecretVerifierTest {

    private final SharedSecretVerifier verifier = new SharedSecretVerifier("unleash-hook-7f3e9a");

    @Test
    void acceptsTheBareSecret() {
        assertThat(verifier.verify("unleash-hook-7f3e9a")).isTrue();
    }

    @Test
    void acceptsTheSecretAsABearerToken() {
        assertThat(verifier.verify("Bearer unleash-hook-7f3e9a")).isTrue();
        assertThat(verifier.verify("bearer unleash-hook-7f3e9a")).isTrue();
    }

    @Test
    void rejectsAWrongSecret() {
        assertThat(verifier.verify("unleash-hook-7f3e9b")).isFalse();
        assertThat(verifier.verify("Bearer unleash-hook-7f3e9b")).isFalse();
        assertThat(verifier.verify("Basic dW5sZWFzaC1ob29rLTdmM2U5YQ==")).isFalse();
    }

    @Test
    void rejectsPrefixesAndExtensionsOfTheSecret() {
        assertThat(verifier.verify("unleash-hook")).isFalse();
        assertThat(verifier.verify("unleash-hook-7f3e9a0")).isFalse();
        assertThat(verifier.verify("Bearer")).isFalse();
    }

    @Test
    void rejectsAMissingOrEmptyHeader() {
        assertThat(verifier.verify(null)).isFalse();
        assertThat(verifier.verify("")).isFalse();
        assertThat(verifier.verify("Bearer ")).isFalse();
    }

    @Test
    void refusesABlankSecret() {
        assertThatThrownBy(() -> new SharedSecretVerifier(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharedSecretVerifier(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
