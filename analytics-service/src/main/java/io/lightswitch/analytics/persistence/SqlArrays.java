package io.lightswitch.analytics.persistence;

import io.vertx.core.buffer.Buffer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** Column arrays for {@code unnest(...)} statements: one round trip writes any number of rows. */
final class SqlArrays {

    private SqlArrays() {
    }

    static <T> String[] text(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    static <T> Long[] int8(List<T> rows, ToLongFunction<T> column) {
        return rows.stream().map(row -> column.applyAsLong(row)).toArray(Long[]::new);
    }

    static <T> Integer[] int4(List<T> rows, Function<T, Integer> column) {
        return rows.stream().map(column).toArray(Integer[]::new);
    }

    static <T> Double[] float8(List<T> rows, ToDoubleFunction<T> column) {
        return rows.stream().map(row -> column.applyAsDouble(row)).toArray(Double[]::new);
    }

    static <T> Boolean[] bool(List<T> rows, Function<T, Boolean> column) {
        return rows.stream().map(column).toArray(Boolean[]::new);
    }

    static <T> OffsetDateTime[] timestamps(List<T> rows, Function<T, Instant> column) {
        return rows.stream().map(column).map(SqlArrays::timestamp).toArray(OffsetDateTime[]::new);
    }

    static <T> Buffer[] bytea(List<T> rows, Function<T, byte[]> column) {
        return rows.stream().map(column).map(bytes -> bytes == null ? null : Buffer.buffer(bytes)).toArray(Buffer[]::new);
    }

    static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static byte[] bytes(Buffer buffer) {
        return buffer == null ? null : buffer.getBytes();
    }
}
