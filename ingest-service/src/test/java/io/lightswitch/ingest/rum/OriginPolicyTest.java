package io.lightswitch.ingest.rum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    @Test
    void allowsExactlyTheListedOrigins() {
        OriginPolicy policy = OriginPolicy.of(List.of("https://www.shop.example", "http://localhost:3000"));

        assertThat(policy.allows("https://www.shop.example")).isTrue();
        assertThat(policy.allows("http://localhost:3000")).isTrue();
        assertThat(policy.allows("http://www.shop.example")).isFalse();
        assertThat(policy.allows("https://www.shop.example:8443")).isFalse();
        assertThat(policy.allows("http://localhost:3001")).isFalse();
        assertThat(policy.allows("https://shop.example")).isFalse();
    }

    @Test
    void ignoresCaseTrailingSlashesAndExplicitDefaultPortsInTheConfiguration() {
        OriginPolicy policy = OriginPolicy.of(List.of(" HTTPS://WWW.Shop.Example/ ", "https://admin.shop.example:443"));

        assertThat(policy.allows("https://www.shop.example")).isTrue();
        assertThat(policy.allows("https://admin.shop.example")).isTrue();
    }

    @Test
    void aWildcardSubdomainMatchesAnySubdomainButNotTheApexOrLookalikes() {
        OriginPolicy policy = OriginPolicy.of(List.of("https://*.shop.example"));

        assertThat(policy.allows("https://www.shop.example")).isTrue();
        assertThat(policy.allows("https://eu.checkout.shop.example")).isTrue();
        assertThat(policy.allows("https://shop.example")).isFalse();
        assertThat(policy.allows("https://evilshop.example")).isFalse();
        assertThat(policy.allows("https://www.shop.example.evil.test")).isFalse();
        assertThat(policy.allows("http://www.shop.example")).isFalse();
        assertThat(policy.allows("https://www.shop.example:8443")).isFalse();
    }

    @Test
    void aStarAllowsAnyRealOriginButNeverTheOpaqueNullOrigin() {
        OriginPolicy policy = OriginPolicy.of(List.of("*"));

        assertThat(policy.allows("https://anything.example")).isTrue();
        assertThat(policy.allows("http://localhost:5173")).isTrue();
        assertThat(policy.allows("null")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void valuesThatAreNotOriginsAreRefused() {
        OriginPolicy policy = OriginPolicy.of(List.of("*"));

        assertThat(policy.allows("https://www.shop.example/path")).isFalse();
        assertThat(policy.allows("https://user@www.shop.example")).isFalse();
        assertThat(policy.allows("www.shop.example")).isFalse();
        assertThat(policy.allows("https://*.shop.example")).isFalse();
        assertThat(policy.allows("")).isFalse();
    }

    @Test
    void anEmptyListAllowsNoOrigin() {
        assertThat(OriginPolicy.of(List.of()).allows("https://www.shop.example")).isFalse();
    }

    @Test
    void theAllowOriginHeaderEchoesAnAllowedOriginAndIsAbsentOtherwise() {
        OriginPolicy policy = OriginPolicy.of(List.of("*"));
        OriginPolicy strict = OriginPolicy.of(List.of("https://www.shop.example"));

        assertThat(policy.allowOriginHeader("https://www.shop.example")).isEqualTo("https://www.shop.example");
        assertThat(strict.allowOriginHeader("https://evil.example")).isNull();
    }
}
