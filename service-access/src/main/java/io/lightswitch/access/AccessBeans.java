package io.lightswitch.access;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the plain {@link AdminTokens} a bean, so it stays free of Quarkus and unit-testable. */
@Singleton
public class AccessBeans {

    @Produces
    @Singleton
    AdminTokens adminTokens(AccessConfig.Admin config) {
        return new AdminTokens(config.bootstrapToken().orElse(null));
    }
}
