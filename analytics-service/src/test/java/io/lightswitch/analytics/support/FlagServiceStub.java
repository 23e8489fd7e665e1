package io.lightswitch.analytics.support;

import io.lightswitch.access.AdminTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for flag-service's {@code GET /api/v1/credentials}, in its wire format, listing one admin
 * token of each role and a server key, for a caller with the right token.
 */
public class FlagServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "stub-service-token";
    public static final String ADMIN = "lsa_admin_" + UUID.randomUUID();
    public static final String VIEWER = "lsa_viewer_" + UUID.randomUUID();
    public static final String SERVICE = "lsa_service_" + UUID.randomUUID();
    public static final String SERVER_KEY = "lss_server_" + UUID.randomUUID();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String body = "[" + entry("tok_admin", "admin", "admin", null, ADMIN) + ","
                + entry("tok_viewer", "admin", "viewer", null, VIEWER) + ","
                + entry("tok_service", "admin", "service", null, SERVICE) + ","
                + entry("key_server", "server", null, "\"production\"", SERVER_KEY) + "]";
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (!request.path().equals("/api/v1/credentials")) {
                request.response().setStatusCode(404).end();
            } else if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end();
            } else {
                request.response().putHeader("Content-Type", "application/json").end(body);
            }
        });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        return Map.of("lightswitch.flag-service.url", "http://127.0.0.1:" + server.actualPort(),
                "lightswitch.flag-service.token", TOKEN);
    }

    private static String entry(String id, String kind, String role, String environment, String secret) {
        return "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"role\":" + (role == null ? "null" : "\"" + role + "\"")
                + ",\"project\":" + (environment == null ? "null" : "\"shop\"") + ",\"environment\":"
                + (environment == null ? "null" : environment) + ",\"keyHash\":\"" + AdminTokens.hash(secret) + "\"}";
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
