package io.lightswitch.flag.api;

/** Reads the secret a client presents. */
final class Credentials {

    private Credentials() {
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    /** OFREP allows the key as a bearer token or in X-API-Key. */
    static String apiKey(String authorization, String xApiKey) {
        String bearer = bearer(authorization);
        if (bearer != null) {
            return bearer;
        }
        return xApiKey == null || xApiKey.isBlank() ? null : xApiKey.trim();
    }
}
