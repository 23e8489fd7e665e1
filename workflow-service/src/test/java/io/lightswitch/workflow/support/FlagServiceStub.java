package io.lightswitch.workflow.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lightswitch.access.AdminTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for the two flag-service endpoints workflow-service reads, in their wire format and behind the
 * service token: {@code GET /api/v1/credentials} (one admin token of each role) and
 * {@code GET /api/v1/projects/{project}/flags/{flag}}. A flag's tags follow from its key, so tests need no
 * shared state with the stub: {@code checkout--dark-mode} has the tag {@code checkout}; a key without
 * {@code --} has no tags; a key starting with {@code missing-} does not exist.
 */
public class FlagServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "stub-service-token";
    public static final String ADMIN = "lsa_admin_" + UUID.randomUUID();
    public static final String VIEWER = "lsa_viewer_" + UUID.randomUUID();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the flag-service stub", e);
        }
        String credentials = "[" + credential("tok_admin", "admin", ADMIN) + ","
                + credential("tok_viewer", "viewer", VIEWER) + "]";
        server.createContext("/api/v1/", exchange -> {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (path.equals("/api/v1/credentials")) {
                respond(exchange, 200, credentials);
            } else if (parts.length == 7 && parts[3].equals("projects") && parts[5].equals("flags")
                    && !parts[6].startsWith("missing-")) {
                String flag = parts[6];
                String tags = flag.contains("--") ? "[\"" + flag.substring(0, flag.indexOf("--")) + "\"]" : "[]";
                respond(exchange, 200, "{\"key\":\"" + flag + "\",\"tags\":" + tags + "}");
            } else {
                respond(exchange, 404, "");
            }
        });
        server.start();
        return Map.of("lightswitch.flag-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "lightswitch.flag-service.token", TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String credential(String id, String role, String secret) {
        return "{\"id\":\"" + id + "\",\"kind\":\"admin\",\"role\":\"" + role + "\",\"project\":null,"
                + "\"environment\":null,\"keyHash\":\"" + AdminTokens.hash(secret) + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
