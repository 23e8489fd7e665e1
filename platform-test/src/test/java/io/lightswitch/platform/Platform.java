package io.lightswitch.platform;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services, each in a process of its own, on free ports, with a PostgreSQL database and
 * RabbitMQ exchanges and queues of their own: nothing this platform stores or sends reaches another run, a
 * platform started by {@code ./lightswitch up}, or the services' own tests, and nothing of theirs reaches it.
 * {@link #close()} stops the processes, drops the database and deletes the exchanges and queues.
 */
public final class Platform implements AutoCloseable {

    /** Services in start order; each waits for flag-service's credentials, so they can start together. */
    static final List<String> SERVICES = List.of("flag-service", "ingest-service", "analytics-service",
            "workflow-service");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path root;
    private final Path logDir;
    private final String runId;
    private final String database;
    private final String adminToken;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Stops the services when the JVM exits without close(), e.g. on Ctrl-C. */
    private final Thread shutdownHook = new Thread(this::close, "platform-shutdown");
    private boolean closed;

    private Platform(Path root, Path logDir) {
        this.root = root;
        this.logDir = logDir;
        this.runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.database = "platform_" + runId;
        this.adminToken = "platform-admin-" + UUID.randomUUID();
    }

    /**
     * Makes sure PostgreSQL and RabbitMQ run ({@code ./lightswitch ensure-deps}), creates the database and
     * starts the services from {@code <root>/<service>/target/quarkus-app/quarkus-run.jar} with each module's
     * {@code jvm.options}; returns once every one reports ready.
     *
     * @param detectionInterval how often analytics-service's detection job runs
     */
    public static Platform start(Path root, Path logDir, Duration detectionInterval) throws Exception {
        Platform platform = new Platform(root.toAbsolutePath().normalize(), logDir.toAbsolutePath().normalize());
        Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
        try {
            platform.boot(detectionInterval);
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /** The repository root: the first directory upwards from the working directory holding the launcher. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("lightswitch"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no ./lightswitch launcher above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public URI url(String service) {
        return URI.create("http://127.0.0.1:" + ports.get(service));
    }

    /** The scenario's view of this platform. */
    public Endpoints endpoints() {
        return new Endpoints(url("flag-service"), url("ingest-service"), url("analytics-service"),
                url("workflow-service"), adminToken);
    }

    private void boot(Duration detectionInterval) throws Exception {
        for (String service : SERVICES) {
            Path jar = jar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first"
                        + " (./mvnw -B -DskipTests package)");
            }
        }
        ensureDependencies();
        createDatabase();
        Files.createDirectories(logDir);
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        for (String service : SERVICES) {
            processes.put(service, launch(service, detectionInterval));
        }
        for (String service : SERVICES) {
            awaitReady(service);
        }
    }

    private void ensureDependencies() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(root.resolve("lightswitch").toString(), "ensure-deps", database)
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./lightswitch ensure-deps failed:\n" + output);
        }
    }

    /** ensure-deps creates it when psql is installed; otherwise it is created here. */
    private void createDatabase() throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), dbUser(), dbPassword());
             var statement = connection.createStatement()) {
            var rows = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!rows.next()) {
                statement.execute("create database \"" + database + "\"");
            }
        }
    }

    private Process launch(String service, Duration detectionInterval) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(service));
        command.add("-jar");
        command.add(jar(service).toString());
        Path log = logDir.resolve(service + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve(service).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + pgHost() + ":" + pgPort() + "/" + database);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword());
        env.put("LIGHTSWITCH_ADMIN_BOOTSTRAP_TOKEN", adminToken);
        env.put("LIGHTSWITCH_FLAG_SERVICE_URL", url("flag-service").toString());
        env.put("LIGHTSWITCH_FLAG_SERVICE_TOKEN", adminToken);
        env.put("MALLOC_ARENA_MAX", "2");
        messaging(service).forEach(env::put);
        switch (service) {
            case "ingest-service" -> env.put("QUARKUS_GRPC_SERVER_PORT", String.valueOf(freePort()));
            case "analytics-service" -> env.put("LIGHTSWITCH_DETECTION_INTERVAL",
                    detectionInterval.toMillis() % 1000 == 0 ? detectionInterval.toSeconds() + "s"
                            : detectionInterval.toMillis() + "ms");
            default -> {
            }
        }
        return builder.start();
    }

    /**
     * Every exchange and every shared queue (with its dead-letter queue) under names of this run, for every
     * channel in the services' application.properties. Per-replica queues already carry a UUID.
     */
    private Map<String, String> messaging(String service) {
        String flagEvents = name("lightswitch.flag.events");
        String ingestEvents = name("lightswitch.ingest.events");
        String analyticsEvents = name("lightswitch.analytics.events");
        String workflowCommands = name("lightswitch.workflow.commands");
        for (String exchange : List.of(flagEvents, ingestEvents, analyticsEvents, workflowCommands)) {
            if (!exchanges.contains(exchange)) {
                exchanges.add(exchange);
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        switch (service) {
            case "flag-service" -> {
                exchange(env, "outgoing", "flag-events", flagEvents);
                exchange(env, "incoming", "snapshot-refresh", flagEvents);
                exchange(env, "incoming", "workflow-commands", workflowCommands);
                queue(env, "workflow-commands", "flag-service.commands");
            }
            case "ingest-service" -> {
                exchange(env, "outgoing", "ingest-events", ingestEvents);
                exchange(env, "incoming", "credential-events", flagEvents);
            }
            case "analytics-service" -> {
                exchange(env, "incoming", "ingest-events", ingestEvents);
                exchange(env, "incoming", "flag-events", flagEvents);
                exchange(env, "incoming", "credential-events", flagEvents);
                exchange(env, "outgoing", "analytics-events", analyticsEvents);
                queue(env, "ingest-events", "analytics-service.ingest");
                queue(env, "flag-events", "analytics-service.flags");
            }
            case "workflow-service" -> {
                exchange(env, "incoming", "verdicts", analyticsEvents);
                exchange(env, "incoming", "flag-events", flagEvents);
                exchange(env, "incoming", "credential-events", flagEvents);
                exchange(env, "outgoing", "workflow-commands", workflowCommands);
                queue(env, "verdicts", "workflow-service.verdicts");
                queue(env, "flag-events", "workflow-service.flags");
            }
            default -> throw new IllegalArgumentException(service);
        }
        return env;
    }

    private String name(String base) {
        return base + ".platform-test-" + runId;
    }

    private static void exchange(Map<String, String> env, String direction, String channel, String exchange) {
        env.put(channelVariable(direction, channel, "EXCHANGE_NAME"), exchange);
    }

    private void queue(Map<String, String> env, String channel, String base) {
        String queue = name(base);
        env.put(channelVariable("incoming", channel, "QUEUE_NAME"), queue);
        env.put(channelVariable("incoming", channel, "DEAD_LETTER_QUEUE_NAME"), queue + ".dlq");
        queues.add(queue);
        queues.add(queue + ".dlq");
    }

    private static String channelVariable(String direction, String channel, String attribute) {
        return ("MP_MESSAGING_" + direction + "_" + channel + "_" + attribute).replace('-', '_').toUpperCase();
    }

    /** The module's jvm.options, as the launcher reads them: comments dropped, options split on whitespace. */
    private List<String> jvmOptions(String service) throws IOException {
        Path file = root.resolve(service).resolve("jvm.options");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String text = line.replaceAll("#.*", "").trim();
            if (!text.isEmpty()) {
                options.addAll(List.of(text.split("\\s+")));
            }
        }
        return options;
    }

    private Path jar(String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void awaitReady(String service) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Process process = processes.get(service);
        URI ready = url(service).resolve("/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + " during startup;"
                        + " see " + logDir.resolve(service + ".log"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service + " was not ready after " + READY_TIMEOUT.toSeconds() + " s; see "
                + logDir.resolve(service + ".log"));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteBrokerObjects();
        dropDatabase();
    }

    private void deleteBrokerObjects() {
        if (queues.isEmpty() && exchanges.isEmpty()) {
            return;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
        factory.setUsername(env("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        try (Connection connection = factory.newConnection("platform-test cleanup")) {
            // a failed delete closes the channel, so each gets a fresh one
            for (String queue : queues) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                } catch (Exception e) {
                    System.err.println("could not delete queue " + queue + ": " + e.getMessage());
                }
            }
            for (String exchange : exchanges) {
                try (Channel channel = connection.createChannel()) {
                    channel.exchangeDelete(exchange);
                } catch (Exception e) {
                    System.err.println("could not delete exchange " + exchange + ": " + e.getMessage());
                }
            }
        } catch (Exception e) {
            System.err.println("could not clean up RabbitMQ: " + e.getMessage());
        }
    }

    private void dropDatabase() {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), dbUser(), dbPassword());
             var statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + database + "\" with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop database " + database + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String jdbcUrl(String db) {
        return "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + db;
    }

    private static String pgHost() {
        return env("PGHOST", "127.0.0.1");
    }

    private static String pgPort() {
        return env("PGPORT", "5432");
    }

    /** The same defaults as the launcher. */
    private static String dbUser() {
        return env("QUARKUS_DATASOURCE_USERNAME", env("PGUSER", "postgres"));
    }

    private static String dbPassword() {
        return env("QUARKUS_DATASOURCE_PASSWORD", env("PGPASSWORD", "postgres"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
