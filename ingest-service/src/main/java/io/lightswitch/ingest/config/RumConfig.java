package io.lightswitch.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/**
 * RUM beacons. Allowed origins live here until flag-service stores them per environment:
 * {@code lightswitch.rum.allowed-origins."<project>/<environment>"=https://shop.example,https://*.shop.example}.
 */
@ConfigMapping(prefix = "lightswitch.rum")
public interface RumConfig {

    /** Largest beacon body; more is answered 413. A replay chunk alone may be 256 KiB. */
    @WithDefault("512K")
    MemorySize maxBodySize();

    /** Origins allowed for an environment without an entry in {@link #allowedOrigins()}. */
    @WithDefault("*")
    List<String> defaultAllowedOrigins();

    /** Comma-separated origins by {@code project/environment}. */
    Map<String, String> allowedOrigins();
}
