package io.lightswitch.flag.api;

import io.lightswitch.flag.domain.access.CredentialDirectory;
import io.lightswitch.flag.domain.access.CredentialKind;
import io.lightswitch.flag.domain.access.Principal;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admin API authentication: an admin token as {@code Authorization: Bearer}. Viewer and service tokens
 * may only read; environment keys may not use the admin API at all.
 */
public class AdminAuthFilter {

    static final String PRINCIPAL = "lightswitch.principal";

    private final CredentialDirectory directory;

    public AdminAuthFilter(CredentialDirectory directory) {
        this.directory = directory;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        String secret = Credentials.bearer(request.getHeaderString("Authorization"));
        if (secret == null) {
            return reject(401, "unauthenticated", "Unauthenticated",
                    "send an admin token as 'Authorization: Bearer <token>'");
        }
        Principal principal = directory.authenticate(secret);
        if (principal == null) {
            return reject(401, "unauthenticated", "Unauthenticated", "the token is unknown or revoked");
        }
        if (principal.kind() != CredentialKind.ADMIN) {
            return reject(403, "forbidden", "Forbidden",
                    "a " + principal.kind().wireName() + " key cannot use the admin API; use an admin token");
        }
        boolean reading = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!reading && !principal.role().mayWrite()) {
            return reject(403, "forbidden", "Forbidden",
                    "a " + principal.role().wireName() + " token may only read");
        }
        request.setProperty(PRINCIPAL, principal);
        return null;
    }

    private static Response reject(int status, String slug, String title, String detail) {
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(slug, title, status, detail));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"lightswitch\"");
        }
        return builder.build();
    }
}
