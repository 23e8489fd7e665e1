package io.lightswitch.ingest.access;

import io.lightswitch.ingest.domain.Attribution;
import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestException.Kind;
import io.lightswitch.ingest.domain.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides which environment a RUM beacon belongs to from the client key it presents: as
 * {@code x-lightswitch-key}, {@code Authorization: Bearer}, or the {@code key} query parameter, the only
 * way {@code navigator.sendBeacon} can send it. Client keys are public by design (they ship in pages);
 * an ingest key is a secret, so one presented here is refused rather than accepted from a browser.
 */
@ApplicationScoped
public class RumAuthenticator {

    private final IngestKeys keys;

    public RumAuthenticator(IngestKeys keys) {
        this.keys = keys;
    }

    public Attribution authenticate(String authorization, String lightswitchKey, String queryKey) {
        String secret = presented(authorization, lightswitchKey, queryKey);
        if (secret == null) {
            throw new IngestException(Kind.UNAUTHENTICATED, "send the environment's client key as '?key=<key>', '"
                    + IngestAuthenticator.KEY_HEADER + ": <key>' or 'Authorization: Bearer <key>'");
        }
        IngestKeys.Credential credential = keys.credential(secret);
        if (credential == null) {
            throw new IngestException(Kind.UNAUTHENTICATED, "the key is not an active client key");
        }
        if (!IngestKeys.CLIENT_KIND.equals(credential.kind())) {
            throw new RefusedException(RefusedException.Kind.FORBIDDEN,
                    "beacons take the environment's client key; an ingest key is secret and must not be used in browsers");
        }
        return credential.attribution();
    }

    private static String presented(String authorization, String lightswitchKey, String queryKey) {
        if (lightswitchKey != null && !lightswitchKey.isBlank()) {
            return lightswitchKey.trim();
        }
        if (authorization != null) {
            String value = authorization.trim();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7) && !value.substring(7).isBlank()) {
                return value.substring(7).trim();
            }
        }
        return queryKey == null || queryKey.isBlank() ? null : queryKey.trim();
    }
}
