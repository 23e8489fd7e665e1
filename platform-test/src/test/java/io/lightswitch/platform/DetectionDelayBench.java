package io.lightswitch.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Detection delay of the full loop, regression start to flag off, at several request rates: one platform
 * ({@link Platform}) and, per rate, the seed scenario on a project of its own. Prints a table and writes it to
 * bench/results/. Run by bench/detection-delay.sh; options {@code --interval=10s} (analytics' detection
 * interval, the shipped default), {@code --rates=10,100,1000}, {@code --bound=SECONDS} (per rate; default 180 s
 * up to 100 requests/s, 120 s above).
 */
public final class DetectionDelayBench {

    private record Row(int rate, Scenario.Result result) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            flags.put(parts[0], parts.length == 2 ? parts[1] : "");
        }
        Duration interval = duration(flags.getOrDefault("interval", "10s"));
        List<Integer> rates = new ArrayList<>();
        for (String rate : flags.getOrDefault("rates", "10,100,1000").split(",")) {
            rates.add(Integer.parseInt(rate.trim()));
        }
        Path root = Platform.repositoryRoot();
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<Row> rows = new ArrayList<>();
        System.out.println("starting the platform (detection interval " + interval.toMillis() / 1000.0 + " s)");
        try (Platform platform = Platform.start(root, root.resolve("platform-test/target/bench-detection"),
                interval)) {
            for (int rate : rates) {
                Duration bound = Duration.ofSeconds(flags.containsKey("bound") ? Long.parseLong(flags.get("bound"))
                        : rate <= 100 ? 180 : 120);
                Scenario.Options options = Scenario.Options.defaults("bench-" + rate + "-"
                                + UUID.randomUUID().toString().substring(0, 6))
                        .withRate(rate).withDetectionBound(bound);
                System.out.printf(Locale.ROOT, "%n== %d requests/s (bound %d s)%n", rate, bound.toSeconds());
                rows.add(new Row(rate, Scenario.run(platform.endpoints(), options, new Timeline(System.out))));
            }
        }

        Scenario.Options defaults = Scenario.Options.defaults("-");
        Traffic.Profile profile = defaults.profile();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%s detection delay of the full loop (regression start -> flag off):"
                        + " %d%% rollout + %.0f%% staff, on-cohort +%.0f points of errors (%.0f%% -> %.0f%%) and"
                        + " +%.0f%% latency; analytics detection interval %s s, spans exported every %d s; default"
                        + " guard (error_rate +2 points over control at 0.99); %d cores, load %s%n",
                started, defaults.rolloutPercent(), 100.0 / defaults.staffEvery(), profile.errorIncrease() * 100,
                profile.baseErrorRate() * 100, (profile.baseErrorRate() + profile.errorIncrease()) * 100,
                profile.latencyIncrease() * 100, trim(interval.toMillis() / 1000.0),
                profile.exportDelay().toSeconds(), Runtime.getRuntime().availableProcessors(),
                PlatformIT.loadAverage()));
        report.append(String.format(Locale.ROOT, "%-11s %-12s %-18s %-19s %-12s %s%n", "requests/s", "on-cohort/s",
                "verdict degraded", "guard bar reached*", "rule fired", "flag off (detection delay)"));
        for (Row row : rows) {
            Scenario.Result r = row.result();
            Duration window = Duration.between(r.regressionStart(), r.detected() ? r.flagOffAt()
                    : r.regressionStart().plus(r.options().detectionBound()));
            double onRate = r.regressionRates().treatmentRequests() / Math.max(1.0, window.toMillis() / 1000.0);
            String bound = "not within " + r.options().detectionBound().toSeconds() + " s";
            report.append(String.format(Locale.ROOT, "%-11s %-12s %-18s %-19s %-12s %s%n",
                    String.format(Locale.ROOT, "%,d", row.rate()), String.format(Locale.ROOT, "%.1f", onRate),
                    or(r, r.verdictAt(), bound), or(r, r.guardBarAt(), bound), or(r, r.ruleFiredAt(), "-"),
                    r.detected() ? r.since(r.flagOffAt()) : "not detected within "
                            + r.options().detectionBound().toSeconds() + " s"));
        }
        report.append("* guard bar reached: analytics' current error_rate verdict first puts the on-cohort more than"
                + " 2 points above control at 99%, the condition of the default guard. workflow-service acts only on"
                + " published verdicts, and analytics publishes a verdict when its status changes, so the guard"
                + " fires only if the bar is already cleared by the first degraded verdict.\n");
        System.out.println();
        System.out.print(report);
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("detection-delay-latest.txt"), report.toString());
        Files.writeString(results.resolve("detection-delay-history.txt"), report + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String or(Scenario.Result result, Instant at, String otherwise) {
        return at == null ? otherwise : result.since(at);
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    /** 10s, 2s, 500ms. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        throw new IllegalArgumentException("a duration such as 10s, 2s or 500ms: " + text);
    }
}
