package io.lightswitch.flag.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "lightswitch")
public interface LightswitchConfig {

    Admin admin();

    Exposures exposures();

    Outbox outbox();

    Snapshot snapshot();

    interface Admin {
        /** Token accepted as an admin before any token exists; rotate it away in production. */
        String bootstrapToken();
    }

    interface Exposures {
        /** How many (environment, flag, variant, context) sightings are remembered for deduplication. */
        @WithDefault("200000")
        int dedupCapacity();

        /** How many undelivered exposures wait for the broker before new ones are dropped (and counted). */
        @WithDefault("50000")
        int bufferCapacity();

        @WithDefault("500")
        int batchSize();
    }

    interface Outbox {
        @WithDefault("200")
        int batchSize();

        @WithDefault("7d")
        Duration retention();
    }

    interface Snapshot {
        /** Safety net for missed events: every replica reloads all environments this often. */
        @WithDefault("30s")
        Duration fullRefreshInterval();
    }
}
