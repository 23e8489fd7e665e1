package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.lightswitch.analytics.detection.RolloutDetectionSimulationTest.percent;
import static io.lightswitch.analytics.detection.RolloutDetectionSimulationTest.print;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flag toggled for everyone at 14:00, watched every 10 s for an hour against a time-of-day baseline from
 * the same hour on the 7 days before. The error rate follows a daily cycle (+-30% around 1%) and each day's
 * level varies by about 10%, so the baseline has to carry both.
 */
class FullToggleSimulationTest {

    private static final long SEED = 4_242L;
    private static final int PAST_DAYS = 7;
    private static final int BUCKETS = 360;
    private static final long REQUESTS_PER_BUCKET = 1_000;
    private static final double CHANGE_HOUR = 14;

    private final DetectionConfig config = DetectionConfig.defaults();
    private final BaselineLearner learner = new BaselineLearner(config);
    private final ToggleDetector detector = new ToggleDetector(config);

    @Test
    void aaTogglesRarelyRaiseADegradation() {
        int runs = 500;
        int alarms = 0;
        for (int run = 0; run < runs; run++) {
            alarms += firstAlarmSeconds(new SimulatedTraffic(SEED + run), 0) >= 0 ? 1 : 0;
        }
        double rate = (double) alarms / runs;
        print("A/A full toggles, 100 req/s, 1 h against a 7-day time-of-day baseline: DEGRADED in %s of %d runs",
                percent(rate), runs);
        assertThat(rate).isLessThanOrEqualTo(0.01);
    }

    @Test
    void toggledFivePointErrorRegressionIsDetectedWithinAMinute() {
        int runs = 500;
        int detected = 0;
        for (int run = 0; run < runs; run++) {
            int first = firstAlarmSeconds(new SimulatedTraffic(SEED + 10_000 + run), 0.05);
            detected += first >= 0 && first <= 60 ? 1 : 0;
        }
        double rate = (double) detected / runs;
        print("+5 points errors on a full toggle, 100 req/s: detected within 60 s in %s of %d runs",
                percent(rate), runs);
        assertThat(rate).isGreaterThanOrEqualTo(0.95);
    }

    private int firstAlarmSeconds(SimulatedTraffic traffic, double regression) {
        double[] dayLevels = new double[PAST_DAYS + 1];
        for (int day = 0; day <= PAST_DAYS; day++) {
            dayLevels[day] = Math.max(0.5, 1 + 0.1 * traffic.gaussian());
        }
        CountSample[] pastDays = new CountSample[PAST_DAYS];
        Arrays.fill(pastDays, CountSample.EMPTY);
        CountSample after = CountSample.EMPTY;
        Subject subject = Subject.of("new-checkout", "on");
        for (int bucket = 1; bucket <= BUCKETS; bucket++) {
            double cycle = dailyCycle(bucket);
            for (int day = 0; day < PAST_DAYS; day++) {
                pastDays[day] = pastDays[day].plus(traffic.errors(REQUESTS_PER_BUCKET,
                        SimulatedTraffic.BASE_ERROR_RATE * cycle * dayLevels[day]));
            }
            after = after.plus(traffic.errors(REQUESTS_PER_BUCKET,
                    SimulatedTraffic.BASE_ERROR_RATE * cycle * dayLevels[PAST_DAYS] + regression));
            Baseline baseline = learner.learn(Metric.errorRate(), List.of(pastDays), null).orElseThrow();
            Instant at = RolloutSimulation.START.plusSeconds(bucket * 10L);
            Verdict verdict = detector.assess(new ToggleContrast(subject, Metric.errorRate(), baseline, after), at);
            if (verdict.status() == Status.DEGRADED) {
                return bucket * 10;
            }
        }
        return -1;
    }

    private static double dailyCycle(int bucket) {
        double hour = CHANGE_HOUR + bucket * 10 / 3_600.0;
        return 1 + 0.3 * Math.sin(2 * Math.PI * hour / 24);
    }
}
