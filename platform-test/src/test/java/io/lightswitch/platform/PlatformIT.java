package io.lightswitch.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed scenario end to end: the four packaged services in processes of their own, traffic from the
 * OpenTelemetry SDK, and the flag turned off by the default guard rule with nobody touching it.
 */
class PlatformIT {

    private static final Duration DETECTION_INTERVAL = Duration.ofSeconds(2);
    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.start(Platform.repositoryRoot(), Path.of("target", "platform-it"), DETECTION_INTERVAL);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void disablesDarkModeWhenItsCohortFailsAndTheOffCohortNeverNotices() throws Exception {
        Scenario.Options options = Scenario.Options.defaults("platform-"
                + UUID.randomUUID().toString().substring(0, 8));
        Scenario.Result result = Scenario.run(platform.endpoints(), options, new Timeline(System.out));
        writeDelay(result);

        assertThat(result.detected()).as("flag turned off: %s; traffic: %s", result.diagnosis(), result.traffic())
                .isTrue();
        assertThat(result.failedEvaluations()).as(result.traffic()).isZero();
        assertThat(result.verdictAt()).as("degraded error_rate verdict").isNotNull()
                .isAfterOrEqualTo(result.regressionStart().minusSeconds(1));
        assertThat(result.ruleFiredAt()).as("incident opened").isNotNull()
                .isAfterOrEqualTo(result.verdictAt());
        assertThat(result.flagOffAt()).isAfterOrEqualTo(result.ruleFiredAt());

        JsonNode entry = result.disableEntry();
        assertThat(entry.path("action").asText()).isNotBlank();
        assertThat(entry.path("environment").asText()).isEqualTo(options.environment());
        assertThat(entry.path("actor").path("kind").asText()).isEqualTo("rule");
        assertThat(entry.path("actor").path("id").asText()).isEqualTo(result.guardRuleId());
        assertThat(entry.path("actor").path("name").asText()).isEqualTo(result.ruleName())
                .isEqualTo("Default guard: error rate");
        assertThat(entry.path("before").path("enabled").asBoolean()).isTrue();
        assertThat(entry.path("after").path("enabled").asBoolean(true)).isFalse();
        assertThat(entry.path("reason").asText()).isNotBlank();
        JsonNode evidence = entry.path("evidence");
        assertThat(evidence.path("metric").asText()).isEqualTo("error_rate");
        assertThat(evidence.path("variant").asText()).isEqualTo("on");
        assertThat(evidence.path("treatment").path("samples").asLong()).isGreaterThanOrEqualTo(100);
        assertThat(evidence.path("treatment").path("value").asDouble())
                .isGreaterThan(evidence.path("control").path("value").asDouble());
        assertThat(evidence.path("intervalLower").asDouble()).isGreaterThan(0.02);

        assertThat(result.offCohort()).isGreaterThan(options.users() / 2);
        assertThat(result.offCohortSawOther()).as("off-cohort users served another variant during the traffic")
                .isEmpty();
        assertThat(result.offCohortChanged()).as("off-cohort users evaluated differently after the disable")
                .isEmpty();
        assertThat(result.recoveryRates().treatmentRequests()).as("on served after the flag went off").isZero();

        assertThat(result.adoptionOnUsers()).isPositive();
        double share = (double) result.adoptionOnUsers() / result.usersSeen();
        assertThat(share).as("share of users with dark-mode=on: 10%% rollout plus 2%% staff")
                .isBetween(0.06, 0.18);
    }

    private static void writeDelay(Scenario.Result result) throws Exception {
        Scenario.Options options = result.options();
        String delay = result.detected()
                ? String.format(Locale.ROOT, "%.1f s", result.detectionDelay().toMillis() / 1000.0)
                : "not detected within " + options.detectionBound().toSeconds() + " s";
        String line = String.format(Locale.ROOT, "%s platform test: detection delay (regression start -> flag off)"
                        + " %s at %d requests/s, %d%% rollout, +%.0f points of errors, +%.0f%% latency, detection"
                        + " interval %d s; degraded verdict after %s, guard bar reached in analytics' current verdict"
                        + " after %s, rule fired after %s; %d cores, load %s%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), delay, options.requestsPerSecond(),
                options.rolloutPercent(), options.profile().errorIncrease() * 100,
                options.profile().latencyIncrease() * 100, DETECTION_INTERVAL.toSeconds(),
                result.since(result.verdictAt()), result.since(result.guardBarAt()), result.since(result.ruleFiredAt()),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.print(line);
        Files.writeString(Path.of("target", "platform-detection.txt"), line);
        Path results = Platform.repositoryRoot().resolve("bench").resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("platform-detection-latest.txt"), line);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
