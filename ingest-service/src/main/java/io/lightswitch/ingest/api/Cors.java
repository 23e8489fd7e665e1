package io.lightswitch.ingest.api;

import jakarta.ws.rs.core.Response;

/**
 * CORS headers of the beacon endpoint. The allowed origin is echoed, never {@code *}: a JSON
 * {@code sendBeacon} is a credentialed request, on which browsers refuse {@code *}.
 */
final class Cors {

    static final String ALLOWED_HEADERS = "content-type, x-lightswitch-key, authorization";
    /** Chromium caps a cached preflight at two hours; asking for more gains nothing. */
    static final String MAX_AGE_SECONDS = "7200";

    private Cors() {
    }

    static Response.ResponseBuilder allowOrigin(Response.ResponseBuilder response, String origin) {
        return response.header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Vary", "Origin");
    }

    static Response.ResponseBuilder preflight(Response.ResponseBuilder response, String origin) {
        return allowOrigin(response, origin)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", MAX_AGE_SECONDS);
    }
}
