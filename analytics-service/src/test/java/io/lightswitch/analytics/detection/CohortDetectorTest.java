package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.DetectionConfig.Thresholds;
import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.sample.LogNormalSample;
import io.lightswitch.analytics.detection.verdict.Evidence;
import io.lightswitch.analytics.detection.verdict.Reason;
import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CohortDetectorTest {

    private static final Instant AT = Instant.parse("2025-03-04T09:41:10Z");
    private static final Subject DARK_MODE = Subject.of("dark-mode", "on");
    private static final Slice PAY = new Slice("checkout-service", "POST /pay");

    private final DetectionConfig config = DetectionConfig.defaults().withConfidence(0.95);
    private final CohortDetector detector = new CohortDetector(config);

    @Test
    void missingOrEmptyControlIsInsufficientDataNeverHealthy() {
        Verdict missing = errors(new CountSample(5_000, 40), null);
        Verdict empty = errors(new CountSample(5_000, 40), CountSample.EMPTY);

        assertThat(missing.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(missing.reason()).isEqualTo(Reason.MISSING_CONTROL);
        assertThat(missing.sentence()).isEqualTo("not enough data on errors for dark-mode=on: no control traffic"
                + " to compare with");
        assertThat(empty.reason()).isEqualTo(Reason.MISSING_CONTROL);
    }

    @Test
    void noTreatmentTrafficYetIsInsufficientData() {
        assertThat(errors(CountSample.EMPTY, new CountSample(9_000, 90)).reason()).isEqualTo(Reason.NO_DATA);
    }

    @Test
    void fewerUnitsThanTheMinimumIsInsufficientData() {
        Verdict verdict = errors(new CountSample(40, 10), new CountSample(360, 3));

        assertThat(verdict.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(verdict.reason()).isEqualTo(Reason.TOO_FEW_SAMPLES);
        assertThat(verdict.sentence()).endsWith("40 vs 360 control requests, minimum 100 each");
    }

    @Test
    void mostlyZeroErrorDataIsInsufficientRatherThanAPass() {
        Verdict verdict = errors(new CountSample(5_000, 0), new CountSample(45_000, 3));

        assertThat(verdict.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(verdict.reason()).isEqualTo(Reason.TOO_FEW_EVENTS);
        assertThat(verdict.sentence()).endsWith("only 3 errors in both together, minimum 5");
    }

    @Test
    void clearErrorRegressionIsDegradedWithItsEvidenceInOneSentence() {
        Verdict verdict = detector.assess(new CohortContrast(DARK_MODE.in(PAY), Metric.errorRate(),
                new CountSample(600, 36), new CountSample(5_400, 54)), AT);

        assertThat(verdict.status()).isEqualTo(Status.DEGRADED);
        assertThat(verdict.reason()).isEqualTo(Reason.SIGNIFICANT_CHANGE);
        Evidence evidence = verdict.evidence();
        assertThat(evidence.treatment().samples()).isEqualTo(600);
        assertThat(evidence.treatment().value()).isCloseTo(0.06, within(1e-12));
        assertThat(evidence.control().value()).isCloseTo(0.01, within(1e-12));
        assertThat(evidence.effect()).isCloseTo(0.05, within(1e-12));
        assertThat(evidence.relativeEffect()).isCloseTo(5.0, within(1e-9));
        assertThat(evidence.interval().lower()).isBetween(0.0, 0.05);
        assertThat(evidence.interval().upper()).isGreaterThan(0.05);
        assertThat(evidence.confidence()).isEqualTo(0.95);
        assertThat(evidence.logEValue()).isGreaterThan(Math.log(20));
        assertThat(verdict.since()).isEqualTo(AT);
        assertThat(verdict.sentence())
                .startsWith("errors up on checkout-service POST /pay for dark-mode=on: 6.0% vs 1.0% (+5.0 points,"
                        + " 95% CS [+")
                .endsWith("]), 600 vs 5400 requests since 09:41:10");
    }

    @Test
    void moreConversionsAreAnImprovementAndFewerADegradation() {
        Metric checkout = Metric.conversion("checkout");
        Verdict more = detector.assess(new CohortContrast(DARK_MODE, checkout, new CountSample(2_000, 300),
                new CountSample(18_000, 1_800)), AT);
        Verdict fewer = detector.assess(new CohortContrast(DARK_MODE, checkout, new CountSample(2_000, 100),
                new CountSample(18_000, 1_800)), AT);

        assertThat(more.status()).isEqualTo(Status.IMPROVED);
        assertThat(more.sentence()).startsWith("checkout conversions up for dark-mode=on: 15.0% vs 10.0%");
        assertThat(fewer.status()).isEqualTo(Status.DEGRADED);
        assertThat(fewer.sentence()).startsWith("checkout conversions down for dark-mode=on");
    }

    @Test
    void latencyRegressionIsReportedAsARelativeChangeOfTheGeometricMean() {
        LogNormalSample slower = logNormal(1_000, 156, 0.5);
        LogNormalSample usual = logNormal(9_000, 120, 0.5);

        Verdict verdict = detector.assess(new CohortContrast(DARK_MODE, Metric.latency(), slower, usual), AT);

        assertThat(verdict.status()).isEqualTo(Status.DEGRADED);
        assertThat(verdict.evidence().scale()).isEqualTo(Evidence.Scale.RELATIVE_CHANGE);
        assertThat(verdict.evidence().effect()).isCloseTo(0.30, within(1e-9));
        assertThat(verdict.evidence().interval().lower()).isBetween(0.2, 0.3);
        assertThat(verdict.evidence().treatment().value()).isCloseTo(156, within(1e-9));
        assertThat(verdict.sentence()).startsWith("latency up for dark-mode=on: geometric mean 156 ms vs 120 ms"
                + " (+30.0%, 95% CS [+2");
    }

    @Test
    void significantChangeSmallerThanThePracticalThresholdIsHealthyAndSaysSo() {
        CohortDetector strict = new CohortDetector(config.withThresholds(Metric.errorRate(), new Thresholds(0.02, 0)));

        Verdict verdict = strict.assess(new CohortContrast(DARK_MODE, Metric.errorRate(),
                new CountSample(100_000, 1_500), new CountSample(900_000, 9_000)), AT);

        assertThat(verdict.status()).isEqualTo(Status.HEALTHY);
        assertThat(verdict.reason()).isEqualTo(Reason.BELOW_PRACTICAL_THRESHOLD);
        assertThat(verdict.sentence()).startsWith("errors up for dark-mode=on but by less than the 2.0 points"
                + " threshold");
    }

    @Test
    void healthySaysWhetherTheChangeIsWithinTheMarginOrMerelyNotShown() {
        CohortDetector withMargin = new CohortDetector(
                config.withThresholds(Metric.errorRate(), new Thresholds(0, 0.01)));
        CohortContrast plenty = new CohortContrast(DARK_MODE, Metric.errorRate(), new CountSample(20_000, 200),
                new CountSample(180_000, 1_800));
        CohortContrast little = new CohortContrast(DARK_MODE, Metric.errorRate(), new CountSample(200, 2),
                new CountSample(1_800, 18));

        Verdict within = withMargin.assess(plenty, AT);
        Verdict notShown = withMargin.assess(little, AT);

        assertThat(within.status()).isEqualTo(Status.HEALTHY);
        assertThat(within.reason()).isEqualTo(Reason.WITHIN_MARGIN);
        assertThat(within.sentence()).startsWith("errors within +-1.0 points for dark-mode=on");
        assertThat(notShown.status()).isEqualTo(Status.HEALTHY);
        assertThat(notShown.reason()).isEqualTo(Reason.NO_SIGNIFICANT_CHANGE);
        assertThat(notShown.sentence()).startsWith("no significant change in errors for dark-mode=on (which is not"
                + " proof of no change): 1.0% vs 1.0%");
    }

    @Test
    void sinceStaysAtTheFirstLookOfTheCurrentStatus() {
        CohortContrast regression = new CohortContrast(DARK_MODE, Metric.errorRate(), new CountSample(600, 36),
                new CountSample(5_400, 54));
        Verdict first = detector.assess(regression, AT);
        Verdict second = detector.assess(regression, AT.plusSeconds(10), first);
        Verdict healthy = detector.assess(new CohortContrast(DARK_MODE, Metric.errorRate(),
                new CountSample(600, 6), new CountSample(5_400, 54)), AT.plusSeconds(20), second);

        assertThat(second.since()).isEqualTo(AT);
        assertThat(second.sentence()).endsWith("since 09:41:10");
        assertThat(healthy.since()).isEqualTo(AT.plusSeconds(20));
    }

    @Test
    void rejectsSamplesOfTheWrongKindAndAPreviousVerdictOfAnotherSubject() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortContrast(DARK_MODE, Metric.latency(),
                new CountSample(10, 1), new CountSample(10, 1)));
        Verdict other = detector.assess(new CohortContrast(Subject.of("other", "on"), Metric.errorRate(),
                new CountSample(600, 6), new CountSample(5_400, 54)), AT);
        assertThatIllegalArgumentException().isThrownBy(() -> detector.assess(new CohortContrast(DARK_MODE,
                Metric.errorRate(), new CountSample(600, 6), new CountSample(5_400, 54)), AT, other));
    }

    /** A sample whose ln(values) have exactly this geometric mean and (population) standard deviation. */
    private static LogNormalSample logNormal(long n, double geometricMean, double sigma) {
        double mu = Math.log(geometricMean);
        return new LogNormalSample(n, n * mu, n * (mu * mu + sigma * sigma));
    }

    private Verdict errors(CountSample treatment, CountSample control) {
        return detector.assess(new CohortContrast(DARK_MODE, Metric.errorRate(), treatment, control), AT);
    }
}
