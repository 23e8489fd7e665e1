package io.lightswitch.analytics.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.sql.DataSource;

/** Writes rows straight into the analytics schema, as the intake and the detection job would. */
public final class Seed {

    private final DataSource dataSource;

    public Seed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A jsonb value, written with a cast. */
    public record Json(String text) {
    }

    /** Column values in insertion order, for {@link #insert}. */
    public static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    public void insert(String table, Map<String, Object> row) {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        row.forEach((column, value) -> {
            columns.add(column);
            values.add(value instanceof Json ? "?::jsonb" : "?");
        });
        String sql = "insert into analytics." + table + " (" + columns + ") values (" + values + ")";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object value : row.values()) {
                if (value instanceof Json json) {
                    statement.setString(i++, json.text());
                } else if (value instanceof Instant instant) {
                    statement.setObject(i++, instant.atOffset(ZoneOffset.UTC));
                } else if (value instanceof byte[] bytes) {
                    statement.setBytes(i++, bytes);
                } else {
                    statement.setObject(i++, value);
                }
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed " + table + ": " + e.getMessage(), e);
        }
    }

    public void series(SeriesRow row) {
        insert("series", row.columns());
    }
}
