package io.lightswitch.ingest.access;

import io.lightswitch.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready before the keys are loaded, since every request would be refused; unless anonymous ingest is on. */
@Readiness
@ApplicationScoped
public class KeysReadiness implements HealthCheck {

    private final IngestKeys keys;
    private final boolean anonymousAllowed;

    public KeysReadiness(IngestKeys keys, IngestConfig config) {
        this.keys = keys;
        this.anonymousAllowed = config.ingest().allowAnonymous();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ingest keys")
                .status(keys.isLoaded() || anonymousAllowed)
                .withData("loaded", keys.isLoaded())
                .withData("keys", keys.size())
                .build();
    }
}
