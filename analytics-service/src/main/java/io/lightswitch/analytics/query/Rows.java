package io.lightswitch.analytics.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between the reactive client's rows and parameters and the API's types. */
public final class Rows {

    /** The schema Flyway creates; the reactive pool's connections do not set a search path. */
    public static final String SCHEMA = "analytics";

    private Rows() {
    }

    public static OffsetDateTime param(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public static long count(Row row, String column) {
        Long value = row.getLong(column);
        return value == null ? 0 : value;
    }

    public static double sum(Row row, String column) {
        Double value = row.getDouble(column);
        return value == null ? 0 : value;
    }

    /** A bytea[] column (array_agg of sketches), empty when the aggregate had no rows. */
    public static byte[][] byteArrays(Row row, String column) {
        Buffer[] buffers = row.getDelegate().getArrayOfBuffers(column);
        if (buffers == null) {
            return new byte[0][];
        }
        byte[][] bytes = new byte[buffers.length][];
        for (int i = 0; i < buffers.length; i++) {
            bytes[i] = buffers[i] == null ? null : buffers[i].getBytes();
        }
        return bytes;
    }

    public static byte[] bytes(Row row, String column) {
        io.vertx.mutiny.core.buffer.Buffer buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }

    /** A jsonb column selected as text ({@code column::text}), as a tree for the response. */
    public static JsonNode json(Row row, String column) {
        String text = row.getString(column);
        if (text == null) {
            return null;
        }
        try {
            return MessageCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("column " + column + " holds invalid JSON", e);
        }
    }

    /** {@code numerator / denominator}, or null without a denominator (a rate of nothing is unknown, not 0). */
    public static Double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : null;
    }

    /** {@code exp(sumLog / n)}: the geometric mean of values summed as logarithms. */
    public static Double geometricMean(double sumLog, long n) {
        return n > 0 ? Math.exp(sumLog / n) : null;
    }
}
