package io.lightswitch.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * One entry per flag provider. An integration without a secret is off: its endpoint answers 404, so an
 * unconfigured deployment never accepts unauthenticated flag changes.
 */
@ConfigMapping(prefix = "lightswitch.webhooks")
public interface WebhookConfig {

    Integration flagsmith();

    Integration launchdarkly();

    Integration unleash();

    interface Integration {
        /** The HMAC key (Flagsmith, LaunchDarkly) or the Authorization value (Unleash). */
        Optional<String> secret();

        /** The Lightswitch project the provider's flags belong to. */
        @WithDefault("default")
        String project();
    }
}
