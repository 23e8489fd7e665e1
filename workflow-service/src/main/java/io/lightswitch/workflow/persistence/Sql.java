package io.lightswitch.workflow.persistence;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/** Conversions between the stores' Java values and the PostgreSQL client's. */
final class Sql {

    private Sql() {
    }

    /** A tuple of any length whose values may be null (SQL NULL). */
    static Tuple tuple(Object... values) {
        return Tuple.from(Arrays.asList(values));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
