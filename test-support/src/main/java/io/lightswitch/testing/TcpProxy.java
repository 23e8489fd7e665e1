package io.lightswitch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards a loopback port to RabbitMQ so a test can take the broker away from one application
 * ({@link #cut}) and give it back ({@link #restore}) without touching the broker that others share.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 32;
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-proxy-accept", this::acceptLoop).start();
    }

    /** A proxy to the RabbitMQ that the tests use: 127.0.0.1:5672 unless RABBITMQ_HOST/RABBITMQ_PORT say otherwise. */
    public static TcpProxy toRabbitMq() {
        String host = System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672"));
        try {
            return new TcpProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the proxy port", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every forwarded connection and turns new ones away until {@link #restore}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut || open.size() >= 2 * MAX_CONNECTIONS) {
                    closeQuietly(client);
                } else {
                    forward(client);
                }
            } catch (IOException e) {
                // the server socket was closed, or one client failed: the loop condition tells which
            }
        }
    }

    private void forward(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        // a cut() between accept() and here would otherwise leave this pair forwarding
        if (cut) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        daemon("tcp-proxy-up", () -> pump(client, upstream)).start();
        daemon("tcp-proxy-down", () -> pump(upstream, client)).start();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away; closing both below ends the other pump too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
