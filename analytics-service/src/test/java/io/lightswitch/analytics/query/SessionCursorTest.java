package io.lightswitch.analytics.query;

import static io.lightswitch.analytics.query.TimeWindowTest.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionCursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        SessionCursor cursor = new SessionCursor(Instant.parse("2025-03-01T10:00:00.123456Z"), "s|1");

        assertThat(SessionCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("s|1").doesNotContain("=");
    }

    @Test
    void refusesWhatItDidNotWrite() {
        assertRejects("cursor", () -> SessionCursor.decode("not base64!"));
        assertRejects("cursor", () -> SessionCursor.decode("djJ8MXxh"));
        assertRejects("cursor", () -> SessionCursor.decode("djF8eHxh"));
    }
}
