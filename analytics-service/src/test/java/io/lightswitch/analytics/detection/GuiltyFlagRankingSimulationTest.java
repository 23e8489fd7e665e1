package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.lightswitch.analytics.detection.RolloutDetectionSimulationTest.percent;
import static io.lightswitch.analytics.detection.RolloutDetectionSimulationTest.print;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three flags roll out to 10% each within one minute (at 0, 20 and 40 s), bucketed independently, so every
 * request falls in one of eight cohort combinations. One flag, a different one per run, adds 5 points of
 * errors for its users. The flags are ranked at the first look at which any of them is DEGRADED.
 */
class GuiltyFlagRankingSimulationTest {

    private static final long SEED = 31_337L;
    private static final int FLAGS = 3;
    private static final int[] CHANGED_AT_SECONDS = {0, 20, 40};
    private static final long REQUESTS_PER_BUCKET = 1_000;
    private static final double ROLLOUT = 0.10;

    private final CohortDetector detector = new CohortDetector(DetectionConfig.defaults());

    @Test
    void guiltyFlagRanksFirstAmongThreeChangedInTheSameMinute() {
        int runs = 1_000;
        int guiltyFirst = 0;
        int alarmed = 0;
        for (int run = 0; run < runs; run++) {
            int guilty = run % FLAGS;
            List<Verdict> ranking = rankAtFirstAlarm(new SimulatedTraffic(SEED + run), guilty);
            alarmed += ranking.stream().anyMatch(v -> v.status() == Status.DEGRADED) ? 1 : 0;
            guiltyFirst += ranking.get(0).subject().flagKey().equals(flagKey(guilty)) ? 1 : 0;
        }
        double rate = (double) guiltyFirst / runs;
        print("three flags changed in one minute, one guilty (+5 points), 100 req/s: guilty ranked first in %s of"
                + " runs (an alarm was raised within 5 min in %s)", percent(rate), percent((double) alarmed / runs));
        assertThat(rate).isGreaterThanOrEqualTo(0.95);
    }

    private List<Verdict> rankAtFirstAlarm(SimulatedTraffic traffic, int guilty) {
        CountSample[] treatment = new CountSample[FLAGS];
        CountSample[] control = new CountSample[FLAGS];
        Arrays.fill(treatment, CountSample.EMPTY);
        Arrays.fill(control, CountSample.EMPTY);
        List<Verdict> verdicts = List.of();
        for (int elapsed = 10; elapsed <= 300; elapsed += 10) {
            boolean[] live = new boolean[FLAGS];
            for (int flag = 0; flag < FLAGS; flag++) {
                live[flag] = elapsed > CHANGED_AT_SECONDS[flag];
            }
            addBucket(traffic, guilty, live, treatment, control);
            verdicts = new ArrayList<>();
            Instant at = RolloutSimulation.START.plusSeconds(elapsed);
            for (int flag = 0; flag < FLAGS; flag++) {
                if (live[flag]) {
                    verdicts.add(detector.assess(new CohortContrast(Subject.of(flagKey(flag), "on"),
                            Metric.errorRate(), treatment[flag], control[flag]), at));
                }
            }
            if (verdicts.stream().anyMatch(v -> v.status() == Status.DEGRADED)) {
                break;
            }
        }
        return FlagRanker.rank(verdicts);
    }

    /** Splits one bucket's requests over the 2^3 cohort combinations and draws each combination's errors. */
    private static void addBucket(SimulatedTraffic traffic, int guilty, boolean[] live, CountSample[] treatment,
                                  CountSample[] control) {
        List<long[]> cells = new ArrayList<>();
        cells.add(new long[] {REQUESTS_PER_BUCKET, 0});
        for (int flag = 0; flag < FLAGS; flag++) {
            List<long[]> split = new ArrayList<>();
            for (long[] cell : cells) {
                long in = live[flag] ? traffic.binomial(cell[0], ROLLOUT) : 0;
                split.add(new long[] {in, cell[1] | (1L << flag)});
                split.add(new long[] {cell[0] - in, cell[1]});
            }
            cells = split;
        }
        for (long[] cell : cells) {
            boolean inGuiltyTreatment = (cell[1] & (1L << guilty)) != 0;
            CountSample errors = traffic.errors(cell[0],
                    inGuiltyTreatment ? SimulatedTraffic.BASE_ERROR_RATE + 0.05 : SimulatedTraffic.BASE_ERROR_RATE);
            for (int flag = 0; flag < FLAGS; flag++) {
                if (!live[flag]) {
                    continue;
                }
                if ((cell[1] & (1L << flag)) != 0) {
                    treatment[flag] = treatment[flag].plus(errors);
                } else {
                    control[flag] = control[flag].plus(errors);
                }
            }
        }
    }

    private static String flagKey(int flag) {
        return "flag-" + (char) ('a' + flag);
    }
}
