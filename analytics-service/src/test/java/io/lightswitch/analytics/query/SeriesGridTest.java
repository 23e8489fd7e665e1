package io.lightswitch.analytics.query;

import static io.lightswitch.analytics.query.TimeWindowTest.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesGridTest {

    private static TimeWindow window(String from, String to) {
        return new TimeWindow(Instant.parse(from), Instant.parse(to));
    }

    @Test
    void readsTheCoarsestResolutionThatDividesTheStep() {
        TimeWindow day = window("2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z");

        assertThat(SeriesGrid.of(day, "1h").resolution()).isEqualTo(3600);
        assertThat(SeriesGrid.of(day, "2h").resolution()).isEqualTo(3600);
        assertThat(SeriesGrid.of(day, "5m").resolution()).isEqualTo(60);
        assertThat(SeriesGrid.of(day, "90s").resolution()).isEqualTo(10);
        assertThat(SeriesGrid.of(window("2025-03-01T00:00:00Z", "2025-03-01T01:00:00Z"), "10s").resolution())
                .isEqualTo(10);
    }

    @Test
    void alignsThePointsToTheStep() {
        SeriesGrid grid = SeriesGrid.of(window("2025-03-01T00:07:30Z", "2025-03-01T01:00:00Z"), "15m");

        assertThat(grid.start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(grid.points()).isEqualTo(4);
        assertThat(grid.pointStart(3)).isEqualTo(Instant.parse("2025-03-01T00:45:00Z"));
        assertThat(grid.index(Instant.parse("2025-03-01T00:45:00Z").getEpochSecond() / 900)).isEqualTo(3);
        assertThat(grid.index(Instant.parse("2025-03-01T01:00:00Z").getEpochSecond() / 900)).isEqualTo(-1);
        assertThat(grid.step()).isEqualTo("15m");
    }

    @Test
    void choosesAStepOfAtMost200PointsWhenNoneIsGiven() {
        assertThat(SeriesGrid.of(window("2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z"), null).step())
                .isEqualTo("15m");
        assertThat(SeriesGrid.of(window("2025-03-01T00:00:00Z", "2025-03-01T01:00:00Z"), " ").step())
                .isEqualTo("30s");
    }

    @Test
    void refusesStepsItCannotServe() {
        TimeWindow day = window("2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z");

        assertRejects("step", () -> SeriesGrid.of(day, "15s"));
        assertRejects("step", () -> SeriesGrid.of(day, "10s"));
        assertRejects("step", () -> SeriesGrid.of(day, "fast"));
        // 576 points, but 28,800 minute buckets per series: too many sketches to merge.
        assertRejects("step", () -> SeriesGrid.of(window("2025-01-01T00:00:00Z", "2025-01-21T00:00:00Z"), "50m"));
        assertThat(SeriesGrid.of(window("2025-01-01T00:00:00Z", "2025-01-21T00:00:00Z"), "1h").points()).isEqualTo(480);
        assertThat(SeriesGrid.of(day, "1m").points()).isEqualTo(1440);
    }
}
