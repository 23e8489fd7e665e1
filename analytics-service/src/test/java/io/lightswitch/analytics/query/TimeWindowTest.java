package io.lightswitch.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void aRelativeWindowEndsNow() {
        assertThat(TimeWindow.of("24h", null, null, NOW, Duration.ofHours(1)))
                .isEqualTo(new TimeWindow(Instant.parse("2025-02-28T12:00:00Z"), NOW));
        assertThat(TimeWindow.of(null, null, null, NOW, Duration.ofHours(1)))
                .isEqualTo(new TimeWindow(Instant.parse("2025-03-01T11:00:00Z"), NOW));
    }

    @Test
    void anAbsoluteWindowEndsNowWithoutTo() {
        assertThat(TimeWindow.of(null, "2025-03-01T10:00:00Z", null, NOW, Duration.ofHours(1)))
                .isEqualTo(new TimeWindow(Instant.parse("2025-03-01T10:00:00Z"), NOW));
        assertThat(TimeWindow.optional(null, null, null, NOW)).isNull();
    }

    @Test
    void namesTheParameterItRejects() {
        assertRejects("window", () -> TimeWindow.of("24x", null, null, NOW, Duration.ofHours(1)));
        assertRejects("window", () -> TimeWindow.of("0m", null, null, NOW, Duration.ofHours(1)));
        assertRejects("window", () -> TimeWindow.of("401d", null, null, NOW, Duration.ofHours(1)));
        assertRejects("window", () -> TimeWindow.of("1h", "2025-03-01T10:00:00Z", null, NOW, Duration.ofHours(1)));
        assertRejects("from", () -> TimeWindow.of(null, "yesterday", null, NOW, Duration.ofHours(1)));
        assertRejects("to", () -> TimeWindow.of(null, "2025-03-01T10:00:00Z", "soon", NOW, Duration.ofHours(1)));
        assertRejects("from", () -> TimeWindow.of(null, null, "2025-03-01T10:00:00Z", NOW, Duration.ofHours(1)));
        assertRejects("from", () -> TimeWindow.of(null, "2025-03-01T10:00:00Z", "2025-03-01T10:00:00Z", NOW,
                Duration.ofHours(1)));
    }

    static void assertRejects(String parameter, Runnable parse) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
