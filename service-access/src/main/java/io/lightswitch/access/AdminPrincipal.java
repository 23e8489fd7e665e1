package io.lightswitch.access;

/** Whoever an accepted admin token belongs to; {@code credentialId} is "bootstrap" for the configured token. */
public record AdminPrincipal(String credentialId, AdminRole role) {

    public static final String BOOTSTRAP_ID = "bootstrap";

    static AdminPrincipal bootstrap() {
        return new AdminPrincipal(BOOTSTRAP_ID, AdminRole.ADMIN);
    }
}
