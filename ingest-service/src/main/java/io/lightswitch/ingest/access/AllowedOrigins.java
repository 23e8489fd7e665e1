package io.lightswitch.ingest.access;

import io.lightswitch.ingest.config.RumConfig;
import io.lightswitch.ingest.domain.Attribution;
import io.lightswitch.ingest.rum.OriginPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The browser origins each environment accepts beacons from, from configuration for now
 * ({@code lightswitch.rum.allowed-origins."<project>/<environment>"}); environments without an entry use
 * {@code lightswitch.rum.default-allowed-origins}.
 */
@ApplicationScoped
public class AllowedOrigins {

    private final OriginPolicy defaults;
    private final Map<String, OriginPolicy> byEnvironment = new HashMap<>();

    public AllowedOrigins(RumConfig config) {
        this.defaults = OriginPolicy.of(config.defaultAllowedOrigins());
        config.allowedOrigins().forEach((environment, origins) ->
                byEnvironment.put(environment, OriginPolicy.of(Arrays.asList(origins.split(",")))));
    }

    public boolean allows(Attribution environment, String origin) {
        return byEnvironment.getOrDefault(environment.project() + "/" + environment.environment(), defaults)
                .allows(origin);
    }

    /** For a preflight that names no environment: whether any environment would accept the origin. */
    public boolean allowedAnywhere(String origin) {
        return defaults.allows(origin) || byEnvironment.values().stream().anyMatch(policy -> policy.allows(origin));
    }
}
