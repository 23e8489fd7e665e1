package io.lightswitch.access;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code lightswitch.*} keys this library reads. Mapped as two narrow prefixes rather than
 * {@code lightswitch} itself: Quarkus refuses to start when a key under a mapped prefix maps to nothing,
 * so a library mapping all of {@code lightswitch} would make every other key of the host service (its
 * intake, retention, ...) a startup failure until the service mapped it too.
 */
public final class AccessConfig {

    private AccessConfig() {
    }

    @ConfigMapping(prefix = "lightswitch.admin")
    public interface Admin {
        /**
         * Accepted as an admin token before flag-service has issued any, as in flag-service; blank turns
         * it off, which is what production should do once real tokens exist.
         */
        Optional<String> bootstrapToken();
    }

    @ConfigMapping(prefix = "lightswitch.flag-service")
    public interface FlagService {
        /** Where the current credential hashes are loaded from at start. */
        String url();

        /** An admin or service token of flag-service, to read the credential hashes. */
        String token();

        /** Pause between attempts to load the hashes while flag-service is unreachable. */
        Duration retryInterval();
    }
}
