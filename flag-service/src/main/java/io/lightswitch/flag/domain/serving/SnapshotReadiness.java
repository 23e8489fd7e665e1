package io.lightswitch.flag.domain.serving;

import io.lightswitch.flag.domain.access.CredentialDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until flags and keys are in memory: evaluation must never answer from an empty snapshot. */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {

    private final SnapshotStore store;
    private final CredentialDirectory credentials;

    public SnapshotReadiness(SnapshotStore store, CredentialDirectory credentials) {
        this.store = store;
        this.credentials = credentials;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("flag snapshot")
                .status(store.isLoaded() && credentials.isLoaded())
                .withData("environments", store.size())
                .build();
    }
}
