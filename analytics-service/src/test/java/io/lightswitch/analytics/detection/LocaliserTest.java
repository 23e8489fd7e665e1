package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.verdict.Reason;
import io.lightswitch.analytics.detection.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LocaliserTest {

    private static final Instant AT = Instant.parse("2025-03-04T09:41:10Z");
    private static final Subject DARK_MODE = Subject.of("dark-mode", "on");

    private final Localiser localiser = new Localiser(DetectionConfig.defaults());

    @Test
    void namesTheServiceAndOperationThatCarryTheRegression() {
        List<CohortContrast> slices = List.of(
                slice("checkout-service", "POST /pay", new CountSample(1_000, 80), new CountSample(9_000, 90)),
                slice("checkout-service", "GET /cart", new CountSample(3_000, 31), new CountSample(27_000, 270)),
                slice("search-service", "GET /search", new CountSample(5_000, 48), new CountSample(45_000, 450)),
                slice("checkout-service", "POST /refund", new CountSample(1_000, 45), new CountSample(9_000, 90)));

        Localisation localisation = localiser.localise(slices, AT, Map.of());

        assertThat(localisation.degraded()).extracting(v -> v.subject().slice()).containsExactly(
                new Slice("checkout-service", "POST /pay"), new Slice("checkout-service", "POST /refund"));
        assertThat(localisation.degraded().get(0).sentence())
                .startsWith("errors up on checkout-service POST /pay for dark-mode=on: 8.0% vs 1.0%");
        assertThat(localisation.all()).hasSize(4);
    }

    @Test
    void judgesEachSliceAtAlphaDividedByTheSlicesWithEnoughData() {
        List<CohortContrast> slices = List.of(
                slice("a", "GET /", new CountSample(1_000, 10), new CountSample(9_000, 90)),
                slice("b", "GET /", new CountSample(1_000, 10), new CountSample(9_000, 90)),
                slice("c", "GET /", new CountSample(10, 0), new CountSample(90, 1)));

        Localisation localisation = localiser.localise(slices, AT, Map.of());

        assertThat(localisation.slicesCompared()).isEqualTo(2);
        assertThat(localisation.perSliceConfidence()).isCloseTo(0.995, within(1e-12));
        assertThat(localisation.all().get(0).evidence().confidence()).isCloseTo(0.995, within(1e-12));
        assertThat(localisation.all().get(0).sentence()).contains("99.5% CS");
        assertThat(localisation.all().get(2).reason()).isEqualTo(Reason.TOO_FEW_SAMPLES);
        assertThat(localisation.degraded()).isEmpty();
    }

    @Test
    void carriesSincePerSlice() {
        CohortContrast pay = slice("checkout-service", "POST /pay", new CountSample(1_000, 80),
                new CountSample(9_000, 90));
        Verdict earlier = localiser.localise(List.of(pay), AT, Map.of()).all().get(0);

        Verdict later = localiser.localise(List.of(pay), AT.plusSeconds(30), Map.of(pay.subject(), earlier))
                .all().get(0);

        assertThat(later.since()).isEqualTo(AT);
    }

    private static CohortContrast slice(String service, String operation, CountSample treatment, CountSample control) {
        return new CohortContrast(DARK_MODE.in(new Slice(service, operation)), Metric.errorRate(), treatment, control);
    }
}
