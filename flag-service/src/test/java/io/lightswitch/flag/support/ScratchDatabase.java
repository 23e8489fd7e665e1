package io.lightswitch.flag.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for one application, on the PostgreSQL server the tests share, dropped when the
 * application stopped. Every flag-service on a database relays its whole outbox, so an application whose
 * broker is cut would otherwise see its events published by whichever other test run shares the database.
 */
public class ScratchDatabase implements QuarkusTestResourceLifecycleManager {

    // the server and account of the %test datasource in application.properties
    private static final String SERVER = "127.0.0.1:5432";
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    private String name;

    @Override
    public Map<String, String> start() {
        name = "test_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + SERVER + "/" + name,
                "quarkus.datasource.reactive.url", "postgresql://" + SERVER + "/" + name);
    }

    @Override
    public void stop() {
        if (name != null) {
            execute("drop database if exists " + name + " with (force)");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL server", e);
        }
    }
}
