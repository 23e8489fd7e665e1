package io.lightswitch.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.analytics.query.Tiling.Tile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TilingTest {

    private static Tile tile(int resolution, String from, String to) {
        return new Tile(resolution, Instant.parse(from), Instant.parse(to));
    }

    @Test
    void coversAWindowWithHoursInTheMiddleAndFinerBucketsAtTheEdges() {
        TimeWindow window = new TimeWindow(Instant.parse("2025-03-01T10:58:35Z"), Instant.parse("2025-03-01T13:02:12.5Z"));

        assertThat(Tiling.of(window)).containsExactly(
                tile(10, "2025-03-01T10:58:30Z", "2025-03-01T10:59:00Z"),
                tile(60, "2025-03-01T10:59:00Z", "2025-03-01T11:00:00Z"),
                tile(3600, "2025-03-01T11:00:00Z", "2025-03-01T13:00:00Z"),
                tile(60, "2025-03-01T13:00:00Z", "2025-03-01T13:02:00Z"),
                tile(10, "2025-03-01T13:02:00Z", "2025-03-01T13:02:20Z"));
    }

    @Test
    void usesMinutesWhenNoWholeHourFits() {
        assertThat(Tiling.of(new TimeWindow(Instant.parse("2025-03-01T10:10:00Z"), Instant.parse("2025-03-01T10:50:00Z"))))
                .containsExactly(tile(60, "2025-03-01T10:10:00Z", "2025-03-01T10:50:00Z"));
        assertThat(Tiling.of(new TimeWindow(Instant.parse("2025-03-01T10:10:10Z"), Instant.parse("2025-03-01T10:10:40Z"))))
                .containsExactly(tile(10, "2025-03-01T10:10:10Z", "2025-03-01T10:10:40Z"));
    }

    @Test
    void anAlignedDayIsTwentyFourHourlyBuckets() {
        assertThat(Tiling.of(new TimeWindow(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-02T00:00:00Z"))))
                .containsExactly(tile(3600, "2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z"));
    }
}
