package io.lightswitch.access;

/**
 * Who may call the API: an admin token as {@code Authorization: Bearer <token>} on every path under
 * {@code /api/v1}; viewers only read. Everything else (health, metrics, OpenAPI under {@code /q}) is open.
 */
public final class AdminAccess {

    static final String API_ROOT = "/api/v1";

    private final AdminTokens tokens;

    /** What to do with a request: let it through as {@code principal}, or refuse it with a problem. */
    public record Decision(AdminPrincipal principal, int status, String slug, String title, String detail) {

        static Decision allow(AdminPrincipal principal) {
            return new Decision(principal, 0, null, null, null);
        }

        static Decision unauthenticated(String detail) {
            return new Decision(null, 401, "unauthenticated", "Unauthenticated", detail);
        }

        static Decision forbidden(String detail) {
            return new Decision(null, 403, "forbidden", "Forbidden", detail);
        }

        public boolean allowed() {
            return status == 0;
        }
    }

    public AdminAccess(AdminTokens tokens) {
        this.tokens = tokens;
    }

    public static boolean isProtected(String path) {
        return path != null && (path.equals(API_ROOT) || path.startsWith(API_ROOT + "/"));
    }

    public Decision decide(String method, String authorization) {
        String secret = bearer(authorization);
        if (secret == null) {
            return Decision.unauthenticated("send an admin token as 'Authorization: Bearer <token>'");
        }
        AdminPrincipal principal = tokens.authenticate(secret);
        if (principal == null) {
            return Decision.unauthenticated("the token is unknown or revoked, or it is not an admin token");
        }
        boolean reading = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
        if (!reading && !principal.role().mayWrite()) {
            return Decision.forbidden("a " + principal.role().wireName() + " token may only read");
        }
        return Decision.allow(principal);
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
