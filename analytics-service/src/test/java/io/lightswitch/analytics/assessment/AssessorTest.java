package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.DetectionConfig;
import io.lightswitch.analytics.detection.Slice;
import io.lightswitch.analytics.detection.verdict.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AssessorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:41:10Z");
    private static final FlagWindow WINDOW = FlagWindow.of("shop", "production", "new-checkout", "off",
            NOW.minusSeconds(900), NOW, Duration.ofHours(6));

    private final Assessor assessor = new Assessor(DetectionConfig.defaults());

    @Test
    void comparesEveryBrowserMetricAndEachCustomEventAsAConversion() {
        FlagData data = new FlagData(WINDOW, Map.of(
                "on", beacons(2_000, 20, Map.of("purchase", 300L, "signup", 40L)),
                "off", beacons(18_000, 180, Map.of("purchase", 1_800L, "signup", 360L))), Map.of());

        List<Assessment> assessments = assessor.rollout(data, new Plan.Rollout("off", List.of("on")), Map.of(), NOW);

        assertThat(assessments).extracting(a -> a.verdict().metric().key()).containsExactly("js_error_rate",
                "page_load.lcp", "conversion.purchase", "conversion.signup");
        Assessment purchase = assessments.get(2);
        assertThat(purchase.verdict().status()).as("15% against 10% of page views").isEqualTo(Status.IMPROVED);
        assertThat(purchase.verdict().evidence().treatment().samples()).isEqualTo(2_000);
        assertThat(purchase.treatment()).isEqualTo(CohortRows.cohort(WINDOW, "on"));
        assertThat(purchase.control()).isEqualTo(CohortRows.cohort(WINDOW, "off"));
    }

    @Test
    void aDegradedVerdictNamesItsStrongestSliceFirstAndKeepsItsOwnNumbers() {
        Slice pay = new Slice("checkout-service", "POST /pay");
        Slice cart = new Slice("checkout-service", "GET /cart");
        FlagData data = new FlagData(WINDOW, Map.of("on", errors(4_000, 132), "off", errors(36_000, 360)), Map.of(
                "on", Map.of(pay, errors(1_000, 100), cart, errors(3_000, 32)),
                "off", Map.of(pay, errors(9_000, 90), cart, errors(27_000, 270))));

        List<Assessment> assessments = assessor.rollout(data, new Plan.Rollout("off", List.of("on")), Map.of(), NOW);

        Assessment overall = assessments.stream().filter(a -> a.allTraffic()
                && a.verdict().metric().key().equals("error_rate")).findFirst().orElseThrow();
        assertThat(overall.verdict().status()).isEqualTo(Status.DEGRADED);
        assertThat(overall.localisedTo()).isEqualTo(pay);
        assertThat(overall.sentence())
                .startsWith("errors up on checkout-service POST /pay for new-checkout=on: 10.0% vs 1.0%")
                .contains("; all traffic: 3.3% vs 1.0% (+2.3 points");
        assertThat(assessments).filteredOn(a -> !a.allTraffic()).extracting(a -> a.verdict().subject().slice())
                .containsExactly(cart, pay, cart, pay);
    }

    private static Totals errors(long requests, long errors) {
        return new Totals(requests, errors, new Totals.LogSums(requests, requests * 4.8, requests * (4.8 * 4.8 + 0.25)),
                0, 0, Totals.LogSums.EMPTY, Totals.LogSums.EMPTY, Totals.LogSums.EMPTY, Totals.LogSums.EMPTY,
                Map.of());
    }

    private static Totals beacons(long beacons, long withJsError, Map<String, Long> customEvents) {
        double mu = Math.log(1_800);
        return new Totals(0, 0, Totals.LogSums.EMPTY, beacons, withJsError, Totals.LogSums.EMPTY,
                new Totals.LogSums(beacons, beacons * mu, beacons * (mu * mu + 0.09)), Totals.LogSums.EMPTY,
                Totals.LogSums.EMPTY, customEvents);
    }
}
