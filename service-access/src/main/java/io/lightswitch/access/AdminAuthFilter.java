package io.lightswitch.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lightswitch.contracts.MessageCodec;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link AdminAccess} to every request under {@code /api/v1}, before routing, so that a path
 * that does not exist answers 401 to a caller without a token rather than telling it so. Refusals are
 * problem+json, as flag-service answers them; the accepted principal is left in the request property
 * {@link #PRINCIPAL}.
 */
public class AdminAuthFilter {

    public static final String PRINCIPAL = "lightswitch.principal";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_BASE = "https://lightswitch.dev/problems/";

    private final AdminAccess access;

    public AdminAuthFilter(AdminTokens tokens) {
        this.access = new AdminAccess(tokens);
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        if (!AdminAccess.isProtected(request.getUriInfo().getPath())) {
            return null;
        }
        AdminAccess.Decision decision = access.decide(request.getMethod(),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (decision.allowed()) {
            request.setProperty(PRINCIPAL, decision.principal());
            return null;
        }
        Response.ResponseBuilder refusal = Response.status(decision.status()).type(PROBLEM_JSON)
                .entity(problem(decision));
        if (decision.status() == 401) {
            refusal.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lightswitch\"");
        }
        return refusal.build();
    }

    /** Written here rather than left to the service's JSON provider, so the library needs none. */
    private static String problem(AdminAccess.Decision decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", PROBLEM_BASE + decision.slug());
        body.put("title", decision.title());
        body.put("status", decision.status());
        body.put("detail", decision.detail());
        try {
            return MessageCodec.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
