package io.lightswitch.ingest.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for flag-service's {@code GET /api/v1/credentials}: it serves the hash of one ingest key
 * ({@link #BOOTSTRAP_KEY}) to a caller with the right token, so tests see ingest-service load keys at start.
 */
public class FlagServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "stub-service-token";
    public static final String BOOTSTRAP_KEY = "lsk_bootstrap_" + UUID.randomUUID();
    public static final String BOOTSTRAP_PROJECT = "bootstrap-" + UUID.randomUUID().toString().substring(0, 8);
    public static final String BOOTSTRAP_ENVIRONMENT = "staging";

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String body = "[{\"id\":\"key_boot\",\"kind\":\"ingest\",\"project\":\"" + BOOTSTRAP_PROJECT
                + "\",\"environment\":\"" + BOOTSTRAP_ENVIRONMENT + "\",\"keyHash\":\""
                + IngestKeys.sha256(BOOTSTRAP_KEY) + "\"},"
                + "{\"id\":\"key_srv\",\"kind\":\"server\",\"project\":\"" + BOOTSTRAP_PROJECT
                + "\",\"environment\":\"" + BOOTSTRAP_ENVIRONMENT + "\",\"keyHash\":\""
                + IngestKeys.sha256(BOOTSTRAP_KEY + "-server") + "\"},"
                + "{\"id\":\"tok_admin\",\"kind\":\"admin\",\"role\":\"admin\",\"keyHash\":\"00\"}]";
        server = vertx.createHttpServer().requestHandler(request -> {
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

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
