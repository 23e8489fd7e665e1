package io.lightswitch.analytics.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The position after the last session of a page: its last-seen time (to the microsecond, as stored) and
 * id, the keyset order of the search. Opaque to clients: base64url of {@code v1|micros|id}.
 */
public record SessionCursor(Instant lastSeen, String sessionId) {

    private static final String VERSION = "v1";

    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(lastSeen.getEpochSecond(), 1_000_000L),
                lastSeen.getNano() / 1_000);
        String plain = VERSION + "|" + micros + "|" + sessionId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static SessionCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            if (parts.length == 3 && VERSION.equals(parts[0]) && !parts[2].isEmpty()) {
                long micros = Long.parseLong(parts[1]);
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L);
                return new SessionCursor(at, parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // answered below; NumberFormatException is one
        }
        throw new InvalidParameterException("cursor", "is not a cursor this API returned");
    }
}
