package io.lightswitch.ingest.access;

import io.lightswitch.ingest.config.IngestConfig;
import io.lightswitch.ingest.domain.Attribution;
import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestException.Kind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides whose telemetry a request carries from the ingest key it presents, as
 * {@code Authorization: Bearer <key>} or {@code x-lightswitch-key}. Without a key, only when anonymous
 * ingest is configured; a wrong key is refused even then.
 */
@ApplicationScoped
public class IngestAuthenticator {

    public static final String KEY_HEADER = "x-lightswitch-key";

    private final IngestKeys keys;
    private final Attribution anonymous;

    public IngestAuthenticator(IngestKeys keys, IngestConfig config) {
        this.keys = keys;
        this.anonymous = config.ingest().allowAnonymous()
                ? new Attribution(config.ingest().anonymous().project(), config.ingest().anonymous().environment())
                : null;
    }

    public Attribution authenticate(String authorization, String lightswitchKey) {
        String secret = presented(authorization, lightswitchKey);
        if (secret == null) {
            if (anonymous != null) {
                return anonymous;
            }
            throw new IngestException(Kind.UNAUTHENTICATED,
                    "send an ingest key as 'Authorization: Bearer <key>' or '" + KEY_HEADER + ": <key>'");
        }
        Attribution attribution = keys.authenticate(secret);
        if (attribution == null) {
            throw new IngestException(Kind.UNAUTHENTICATED, "the key is not an active ingest key");
        }
        return attribution;
    }

    private static String presented(String authorization, String lightswitchKey) {
        if (authorization != null) {
            String value = authorization.trim();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7) && !value.substring(7).isBlank()) {
                return value.substring(7).trim();
            }
        }
        return lightswitchKey == null || lightswitchKey.isBlank() ? null : lightswitchKey.trim();
    }
}
