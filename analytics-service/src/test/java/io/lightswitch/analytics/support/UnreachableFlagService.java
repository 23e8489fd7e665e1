package io.lightswitch.analytics.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Points the credential loader at a port nothing listens on, as when flag-service is down. */
public class UnreachableFlagService implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("lightswitch.flag-service.url", "http://127.0.0.1:" + port,
                "lightswitch.flag-service.retry-interval", "200ms");
    }

    @Override
    public void stop() {
    }
}
