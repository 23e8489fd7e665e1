package io.lightswitch.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once flag-service's list of admin tokens has loaded, and not before, even with a bootstrap token
 * configured. Before the list arrives every issued token is answered 401, which clients take as "your
 * token is bad" and do not retry; while this replica is not ready, the load balancer sends callers to
 * replicas that know the tokens instead, and a 503 from it is retried. The bootstrap token cannot stand
 * in: production turns it off, and a replica that only knows it would refuse everyone else. Readiness
 * gates HTTP traffic only, so the message consumers of a replica that is still waiting keep working.
 */
@Readiness
@ApplicationScoped
public class CredentialsReadiness implements HealthCheck {

    public static final String NAME = "credentials";

    private final AdminTokens tokens;

    public CredentialsReadiness(AdminTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(tokens.isLoaded())
                .withData("loaded", tokens.isLoaded())
                .withData("tokens", tokens.size())
                .withData("bootstrapToken", tokens.hasBootstrapToken())
                .build();
    }
}
