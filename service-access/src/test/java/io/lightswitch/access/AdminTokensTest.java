package io.lightswitch.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.access.AdminTokens.Credential;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminTokensTest {

    private static Credential admin(String id, String role, String secret) {
        return new Credential(id, "admin", role, AdminTokens.hash(secret));
    }

    @Test
    void hashesSecretsAsFlagServiceDoes() {
        assertThat(AdminTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void acceptsTheBootstrapTokenAsAnAdmin() {
        AdminTokens tokens = new AdminTokens("dev-admin-token");

        assertThat(tokens.authenticate("dev-admin-token"))
                .isEqualTo(new AdminPrincipal(AdminPrincipal.BOOTSTRAP_ID, AdminRole.ADMIN));
        assertThat(tokens.authenticate("dev-admin-token ")).isNull();
        assertThat(tokens.authenticate("dev-admin-toke")).isNull();
        assertThat(tokens.authenticate("")).isNull();
        assertThat(tokens.authenticate(null)).isNull();
    }

    @Test
    void aBlankBootstrapTokenIsNoToken() {
        AdminTokens tokens = new AdminTokens("  ");

        assertThat(tokens.hasBootstrapToken()).isFalse();
        assertThat(tokens.authenticate("  ")).isNull();
    }

    @Test
    void knowsListedAdminTokensByTheirRole() {
        AdminTokens tokens = new AdminTokens(null);
        tokens.load(List.of(admin("t1", "admin", "s-admin"), admin("t2", "viewer", "s-viewer"),
                admin("t3", "service", "s-service")));

        assertThat(tokens.isLoaded()).isTrue();
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.authenticate("s-admin")).isEqualTo(new AdminPrincipal("t1", AdminRole.ADMIN));
        assertThat(tokens.authenticate("s-viewer")).isEqualTo(new AdminPrincipal("t2", AdminRole.VIEWER));
        assertThat(tokens.authenticate("s-service")).isEqualTo(new AdminPrincipal("t3", AdminRole.SERVICE));
        assertThat(tokens.authenticate("s-other")).isNull();
    }

    @Test
    void ignoresEnvironmentKeysAndUnknownRoles() {
        AdminTokens tokens = new AdminTokens(null);
        tokens.load(List.of(new Credential("k1", "server", null, AdminTokens.hash("s-server")),
                new Credential("k2", "ingest", null, AdminTokens.hash("s-ingest")),
                admin("t1", "owner", "s-owner"), admin("t2", null, "s-none")));
        tokens.issued(new Credential("k3", "client", null, AdminTokens.hash("s-client")));

        assertThat(tokens.size()).isZero();
        assertThat(tokens.authenticate("s-server")).isNull();
        assertThat(tokens.authenticate("s-client")).isNull();
        assertThat(tokens.authenticate("s-owner")).isNull();
    }

    @Test
    void followsIssuesAndRevocationsAfterTheList() {
        AdminTokens tokens = new AdminTokens(null);
        tokens.load(List.of(admin("t1", "admin", "s1")));

        tokens.issued(admin("t2", "viewer", "s2"));
        tokens.revoked(AdminTokens.hash("s1"));

        assertThat(tokens.authenticate("s1")).isNull();
        assertThat(tokens.authenticate("s2")).isEqualTo(new AdminPrincipal("t2", AdminRole.VIEWER));
    }

    @Test
    void aRevocationReceivedBeforeTheListWins() {
        AdminTokens tokens = new AdminTokens(null);
        tokens.revoked(AdminTokens.hash("s1"));

        tokens.load(List.of(admin("t1", "admin", "s1"), admin("t2", "admin", "s2")));

        assertThat(tokens.authenticate("s1")).isNull();
        assertThat(tokens.authenticate("s2")).isNotNull();
    }

    @Test
    void anIssueReceivedBeforeTheListIsKept() {
        AdminTokens tokens = new AdminTokens(null);
        tokens.issued(admin("t9", "service", "s9"));

        tokens.load(List.of(admin("t1", "admin", "s1")));

        assertThat(tokens.authenticate("s9")).isEqualTo(new AdminPrincipal("t9", AdminRole.SERVICE));
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void aRevocationAfterTheListIsNotRememberedAgainstLaterIssues() {
        AdminTokens tokens = new AdminTokens(null);
        tokens.load(List.of());
        tokens.revoked(AdminTokens.hash("s1"));

        tokens.issued(admin("t1", "admin", "s1"));

        assertThat(tokens.authenticate("s1")).isNotNull();
    }

    @Test
    void isNotLoadedBeforeTheList() {
        AdminTokens tokens = new AdminTokens("dev-admin-token");
        tokens.issued(admin("t1", "admin", "s1"));

        assertThat(tokens.isLoaded()).isFalse();
        assertThat(tokens.authenticate("s1")).isNotNull();
    }
}
