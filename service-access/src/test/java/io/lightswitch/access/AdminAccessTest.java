package io.lightswitch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private final AdminAccess access;

    AdminAccessTest() {
        AdminTokens tokens = new AdminTokens("boot");
        tokens.load(List.of(
                new AdminTokens.Credential("t1", "admin", "viewer", AdminTokens.hash("viewer-secret")),
                new AdminTokens.Credential("t2", "admin", "service", AdminTokens.hash("service-secret"))));
        access = new AdminAccess(tokens);
    }

    @Test
    void protectsOnlyTheVersionedApi() {
        assertThat(AdminAccess.isProtected("/api/v1/projects/p/environments/e/sessions")).isTrue();
        assertThat(AdminAccess.isProtected("/api/v1")).isTrue();
        assertThat(AdminAccess.isProtected("/api/v10/x")).isFalse();
        assertThat(AdminAccess.isProtected("/q/health/ready")).isFalse();
        assertThat(AdminAccess.isProtected("/")).isFalse();
    }

    @Test
    void refusesMissingAndUnknownTokensAs401() {
        assertThat(access.decide("GET", null).status()).isEqualTo(401);
        assertThat(access.decide("GET", "Basic Ym9vdDo=").status()).isEqualTo(401);
        assertThat(access.decide("GET", "Bearer ").status()).isEqualTo(401);
        assertThat(access.decide("GET", "Bearer nope").status()).isEqualTo(401);
    }

    @Test
    void everyRoleReads() {
        assertThat(access.decide("GET", "Bearer boot").allowed()).isTrue();
        assertThat(access.decide("GET", "bearer viewer-secret").allowed()).isTrue();
        assertThat(access.decide("HEAD", "Bearer viewer-secret").allowed()).isTrue();
        assertThat(access.decide("GET", "Bearer service-secret").principal().role()).isEqualTo(AdminRole.SERVICE);
    }

    @Test
    void viewersMayNotWrite() {
        AdminAccess.Decision decision = access.decide("POST", "Bearer viewer-secret");

        assertThat(decision.status()).isEqualTo(403);
        assertThat(decision.detail()).isEqualTo("a viewer token may only read");
        assertThat(access.decide("DELETE", "Bearer service-secret").allowed()).isTrue();
        assertThat(access.decide("PUT", "Bearer boot").allowed()).isTrue();
    }
}
