package io.lightswitch.ingest.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Gives the gRPC server a free port the tests know, as exporters need a concrete endpoint. */
public class GrpcTestPort implements QuarkusTestResourceLifecycleManager {

    private static final String PROPERTY = "quarkus.grpc.server.test-port";

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Map.of(PROPERTY, String.valueOf(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue(PROPERTY, Integer.class);
    }
}
