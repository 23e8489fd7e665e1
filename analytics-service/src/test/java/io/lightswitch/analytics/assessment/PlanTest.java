package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Slice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:41:13.250Z");
    private static final Duration MAX_WINDOW = Duration.ofHours(6);

    @Test
    void windowStartsAtTheFirstWholeBucketAfterTheChange() {
        FlagWindow window = window("off", NOW.minusSeconds(125));

        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-26T09:39:10Z"));
        assertThat(window.end()).isEqualTo(NOW);
    }

    @Test
    void windowReachesBackAtMostTheLongestWindowOrAnHourWithoutAKnownChange() {
        assertThat(window("off", NOW.minus(Duration.ofDays(2))).start()).isEqualTo(NOW.minus(MAX_WINDOW));
        assertThat(window("off", null).start()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void theOffVariantWithTrafficIsTheControl() {
        Plan plan = Plan.of(data(window("off", NOW.minusSeconds(600)),
                Map.of("on", requests(1_000), "off", requests(9_000), "beta", requests(500))), MAX_WINDOW)
                .orElseThrow();

        assertThat(plan).isEqualTo(new Plan.Rollout("off", List.of("on", "beta")));
    }

    @Test
    void withoutTrafficOnTheOffVariantTheBusiestVariantIsTheControl() {
        Plan plan = Plan.of(data(window("off", NOW.minusSeconds(600)),
                Map.of("blue", requests(4_000), "green", requests(6_000))), MAX_WINDOW).orElseThrow();

        assertThat(plan).isEqualTo(new Plan.Rollout("green", List.of("blue")));
    }

    @Test
    void oneVariantAfterARecentChangeIsAFullToggle() {
        Plan plan = Plan.of(data(window("off", NOW.minusSeconds(600)), Map.of("on", requests(1_000))), MAX_WINDOW)
                .orElseThrow();

        assertThat(plan).isEqualTo(new Plan.Toggle("on"));
    }

    @Test
    void oneVariantWithoutARecentChangeHasNothingToCompare() {
        assertThat(Plan.of(data(window("off", NOW.minus(Duration.ofHours(7))), Map.of("on", requests(1_000))),
                MAX_WINDOW)).isEmpty();
        assertThat(Plan.of(data(window("off", null), Map.of("on", requests(1_000))), MAX_WINDOW)).isEmpty();
        assertThat(Plan.of(data(window("off", NOW.minusSeconds(60)), Map.of("on", Totals.EMPTY)), MAX_WINDOW))
                .isEmpty();
    }

    static Totals requests(long n) {
        return new Totals(n, n / 100, new Totals.LogSums(n, n * Math.log(120), n * Math.log(120) * Math.log(120)),
                0, 0, Totals.LogSums.EMPTY, Totals.LogSums.EMPTY, Totals.LogSums.EMPTY, Totals.LogSums.EMPTY,
                Map.of());
    }

    static FlagData data(FlagWindow window, Map<String, Totals> variants) {
        return new FlagData(window, variants, Map.<String, Map<Slice, Totals>>of());
    }

    private static FlagWindow window(String offVariant, Instant changedAt) {
        return FlagWindow.of("shop", "production", "dark-mode", offVariant, changedAt, NOW, MAX_WINDOW);
    }
}
