package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.sample.LogNormalSample;
import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;

import java.time.Duration;
import java.time.Instant;

/**
 * One partial rollout watched every 10 s: control and treatment cohorts get their share of the traffic,
 * and the treatment's error rate and median latency may be worse than control's.
 */
final class RolloutSimulation {

    static final Instant START = Instant.parse("2025-03-04T09:40:00Z");
    static final int LOOK_SECONDS = 10;

    private final CohortDetector detector;
    private final double requestsPerSecond;
    private final double rollout;

    RolloutSimulation(CohortDetector detector, double requestsPerSecond, double rollout) {
        this.detector = detector;
        this.requestsPerSecond = requestsPerSecond;
        this.rollout = rollout;
    }

    /** What happened to one run: the first look at which each metric was judged DEGRADED, or -1. */
    record Outcome(int firstErrorAlarmSeconds, int firstLatencyAlarmSeconds) {
        boolean anyAlarm() {
            return firstErrorAlarmSeconds >= 0 || firstLatencyAlarmSeconds >= 0;
        }
    }

    Outcome run(long seed, int seconds, double treatmentErrorRate, double treatmentLatencyFactor,
                boolean watchLatency) {
        SimulatedTraffic traffic = new SimulatedTraffic(seed);
        long perBucket = Math.round(requestsPerSecond * LOOK_SECONDS);
        long treatmentPerBucket = Math.round(perBucket * rollout);
        long controlPerBucket = perBucket - treatmentPerBucket;
        Subject subject = Subject.of("dark-mode", "on");
        CountSample treatmentErrors = CountSample.EMPTY;
        CountSample controlErrors = CountSample.EMPTY;
        LogNormalSample treatmentLatency = LogNormalSample.EMPTY;
        LogNormalSample controlLatency = LogNormalSample.EMPTY;
        int errorAlarm = -1;
        int latencyAlarm = -1;
        for (int elapsed = LOOK_SECONDS; elapsed <= seconds; elapsed += LOOK_SECONDS) {
            Instant at = START.plus(Duration.ofSeconds(elapsed));
            treatmentErrors = treatmentErrors.plus(traffic.errors(treatmentPerBucket, treatmentErrorRate));
            controlErrors = controlErrors.plus(traffic.errors(controlPerBucket, SimulatedTraffic.BASE_ERROR_RATE));
            if (errorAlarm < 0 && degraded(detector.assess(
                    new CohortContrast(subject, Metric.errorRate(), treatmentErrors, controlErrors), at))) {
                errorAlarm = elapsed;
            }
            if (watchLatency) {
                treatmentLatency = treatmentLatency.plus(traffic.latencies(treatmentPerBucket,
                        SimulatedTraffic.MEDIAN_LATENCY_MS * treatmentLatencyFactor));
                controlLatency = controlLatency.plus(traffic.latencies(controlPerBucket,
                        SimulatedTraffic.MEDIAN_LATENCY_MS));
                if (latencyAlarm < 0 && degraded(detector.assess(
                        new CohortContrast(subject, Metric.latency(), treatmentLatency, controlLatency), at))) {
                    latencyAlarm = elapsed;
                }
            }
        }
        return new Outcome(errorAlarm, latencyAlarm);
    }

    private static boolean degraded(Verdict verdict) {
        return verdict.status() == Status.DEGRADED;
    }
}
