package io.lightswitch.analytics.detection;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded simulations of partial rollouts at the default configuration (99% confidence sequences, 100 units
 * and 5 events minimum, tuned for 10,000 units). Each run has its own seed, so results do not hinge on one.
 */
class RolloutDetectionSimulationTest {

    private static final long SEED = 20_250_304L;
    private final CohortDetector detector = new CohortDetector(DetectionConfig.defaults());

    @Test
    void aaRolloutsRarelyRaiseADegradation() {
        int[] alarms = aaAlarms(detector, 2_000);
        print("A/A rollouts at 99%% (default), 100 req/s, 10%%, 1 h, looks every 10 s: DEGRADED on error rate in %s,"
                + " on latency in %s, on either in %s of 2000 runs", rate(alarms[0], 2_000), rate(alarms[1], 2_000),
                rate(alarms[2], 2_000));
        assertThat(alarms[2] / 2_000.0).isLessThanOrEqualTo(0.01);
    }

    @Test
    void aaRolloutsAtNinetyFivePercentStayWithinTheirGuaranteePerMetric() {
        int[] alarms = aaAlarms(new CohortDetector(DetectionConfig.defaults().withConfidence(0.95)), 1_000);
        print("A/A rollouts at 95%%, same setup: DEGRADED on error rate in %s, on latency in %s, on either in %s"
                + " of 1000 runs (guarantee: at most 2.5%% per metric)", rate(alarms[0], 1_000),
                rate(alarms[1], 1_000), rate(alarms[2], 1_000));
        assertThat(alarms[0] / 1_000.0).isLessThanOrEqualTo(0.025);
        assertThat(alarms[1] / 1_000.0).isLessThanOrEqualTo(0.025);
    }

    /** Runs with a false DEGRADED on error rate, on latency, on either. */
    private static int[] aaAlarms(CohortDetector detector, int runs) {
        RolloutSimulation simulation = new RolloutSimulation(detector, 100, 0.10);
        int[] alarms = new int[3];
        for (long run = 0; run < runs; run++) {
            RolloutSimulation.Outcome outcome = simulation.run(SEED + run, 3_600, SimulatedTraffic.BASE_ERROR_RATE,
                    1.0, true);
            alarms[0] += outcome.firstErrorAlarmSeconds() >= 0 ? 1 : 0;
            alarms[1] += outcome.firstLatencyAlarmSeconds() >= 0 ? 1 : 0;
            alarms[2] += outcome.anyAlarm() ? 1 : 0;
        }
        return alarms;
    }

    @Test
    void fivePointErrorRegressionIsDetectedWithinAMinuteAt100RequestsPerSecond() {
        double detected = detectedWithin(100, 60, 1_000, run -> new RolloutSimulation(detector, 100, 0.10)
                .run(SEED + run, 60, 0.06, 1.0, false).firstErrorAlarmSeconds());
        print("+5 points errors, 100 req/s, 10%%: detected within 60 s in %s of runs", percent(detected));
        assertThat(detected).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void fivePointErrorRegressionIsDetectedWithinTenSecondsAt1000RequestsPerSecond() {
        double detected = detectedWithin(1_000, 10, 1_000, run -> new RolloutSimulation(detector, 1_000, 0.10)
                .run(SEED + run, 10, 0.06, 1.0, false).firstErrorAlarmSeconds());
        print("+5 points errors, 1,000 req/s, 10%%: detected within 10 s in %s of runs", percent(detected));
        assertThat(detected).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void thirtyPercentLatencyRegressionIsDetectedWithinTwoMinutesAt100RequestsPerSecond() {
        double detected = detectedWithin(100, 120, 1_000, run -> new RolloutSimulation(detector, 100, 0.10)
                .run(SEED + run, 120, SimulatedTraffic.BASE_ERROR_RATE, 1.3, true).firstLatencyAlarmSeconds());
        print("+30%% latency, 100 req/s, 10%%: detected within 120 s in %s of runs", percent(detected));
        assertThat(detected).isGreaterThanOrEqualTo(0.95);
    }

    private static double detectedWithin(int requestsPerSecond, int seconds, int runs,
                                         ToIntFunction<Long> firstAlarmSeconds) {
        long hits = LongStream.range(0, runs).filter(run -> {
            int first = firstAlarmSeconds.applyAsInt(run);
            return first >= 0 && first <= seconds;
        }).count();
        return (double) hits / runs;
    }

    static String rate(int count, int runs) {
        return percent((double) count / runs);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static void print(String format, Object... args) {
        System.out.println("[simulation] " + String.format(Locale.ROOT, format, args));
    }
}
