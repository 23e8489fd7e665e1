package io.lightswitch.platform;

import java.net.URI;

/** Where the four services answer, and the admin token they accept. */
public record Endpoints(URI flagService, URI ingest, URI analytics, URI workflow, String adminToken) {

    /** The ports of {@code ./lightswitch up}; its admin token unless LIGHTSWITCH_ADMIN_BOOTSTRAP_TOKEN is set. */
    public static Endpoints defaults() {
        String token = System.getenv("LIGHTSWITCH_ADMIN_BOOTSTRAP_TOKEN");
        return new Endpoints(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:4318"),
                URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:8084"),
                token == null || token.isBlank() ? "dev-admin-token" : token);
    }
}
