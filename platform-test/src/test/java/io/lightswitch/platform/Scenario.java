package io.lightswitch.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightswitch.platform.PlatformClient.Evaluation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * The seed scenario (DESIGN.md's loop, issue 5), played against a running platform: flag {@code dark-mode} is created,
 * turned on for staff, then rolled out to 10% of users; the on-cohort then gets more errors and latency, and the
 * platform has to notice and turn the flag off by itself. Traffic comes from the OpenTelemetry SDK
 * ({@link Traffic}); every step goes to a {@link Timeline}. The platform test, {@code ./lightswitch demo} and
 * bench/detection-delay.sh all run this class.
 */
public final class Scenario {

    public static final String FLAG = "dark-mode";
    static final String ON = "on";
    static final String OFF = "off";
    private static final String ERROR_RATE = "error_rate";
    private static final Duration POLL = Duration.ofMillis(500);

    /**
     * @param staffEvery        every n-th user is staff (email at the shop's domain), served "on" by a segment rule
     * @param baseline          traffic with the flag off everywhere, before it is turned on for staff
     * @param staffPhase        how long only staff have the flag before the rollout
     * @param detectionBound    how long after the regression starts the flag has to be off
     * @param recovery          traffic after the flag went off, to see the error rate come back
     */
    public record Options(String project, String environment, int users, int staffEvery, int rolloutPercent,
                          int requestsPerSecond, Duration baseline, Duration staffPhase, Duration detectionBound,
                          Duration recovery, Traffic.Profile profile) {

        /**
         * 2,000 users (2% staff), 10% rollout, 100 requests/s, 150 s to detect; errors 1% + 5 points and latency
         * +30% when regressed; spans exported every second.
         */
        public static Options defaults(String project) {
            return new Options(project, "production", 2_000, 50, 10, 100, Duration.ofSeconds(3),
                    Duration.ofSeconds(5), Duration.ofSeconds(150), Duration.ofSeconds(5),
                    new Traffic.Profile(0.01, 0.05, 0.30, 80, Duration.ofSeconds(1)));
        }

        public Options withRate(int requestsPerSecond) {
            return new Options(project, environment, users, staffEvery, rolloutPercent, requestsPerSecond, baseline,
                    staffPhase, detectionBound, recovery, profile);
        }

        public Options withDetectionBound(Duration bound) {
            return new Options(project, environment, users, staffEvery, rolloutPercent, requestsPerSecond, baseline,
                    staffPhase, bound, recovery, profile);
        }
    }

    /**
     * What the run observed. Times are the platform's own where it records them (verdict, incident, audit entry),
     * so polling does not add to the detection delay.
     *
     * @param guardRuleId             the environment's default guard rule, as workflow-service lists it
     * @param guardBarAt              when analytics' current error_rate verdict first cleared the guard's bar (its
     *                                interval's lower end above the guard's amount): what the guard would act on
     * @param offCohortSawOther       off-cohort users who were served another variant while the traffic ran
     * @param offCohortChanged        off-cohort users whose evaluation after the disable differs from before
     * @param regressionRates         traffic between regression start and flag off (or the bound)
     * @param recoveryRates           traffic from a second after the flag went off to the end of the recovery
     * @param adoptionOnUsers         analytics' distinct users with the treatment variant over the last hour
     * @param usersSeen               distinct users the traffic reached
     */
    public record Result(Options options, String guardRuleId, Instant regressionStart, Instant verdictAt,
                         String verdictSentence, Instant guardBarAt, Instant ruleFiredAt, String ruleName,
                         Instant flagOffAt, JsonNode disableEntry, int onCohort, int offCohort,
                         List<String> offCohortSawOther, List<String> offCohortChanged,
                         Traffic.Rates regressionRates, Traffic.Rates recoveryRates, long adoptionOnUsers,
                         long adoptionOffUsers, int usersSeen, long failedEvaluations, String traffic) {

        public boolean detected() {
            return flagOffAt != null;
        }

        /** Regression start to flag off, or null when the flag was not turned off within the bound. */
        public Duration detectionDelay() {
            return detected() ? Duration.between(regressionStart, flagOffAt) : null;
        }

        /** Seconds from the regression start, e.g. "41.2 s". */
        public String since(Instant at) {
            return at == null ? "n/a" : String.format(Locale.ROOT, "%.1f s",
                    Duration.between(regressionStart, at).toMillis() / 1000.0);
        }

        /** How far the loop got, from what the scenario saw of each stage. */
        public String diagnosis() {
            if (detected()) {
                return "the flag went off " + since(flagOffAt) + " after the regression started";
            }
            String bound = "not within " + options.detectionBound().toSeconds() + " s of the regression: ";
            if (verdictAt == null) {
                return bound + "analytics never found error_rate of " + ON + " degraded";
            }
            if (guardBarAt == null) {
                return bound + "error_rate of " + ON + " turned degraded after " + since(verdictAt)
                        + ", but its interval never cleared the guard rule's bar";
            }
            if (ruleFiredAt == null) {
                return bound + "error_rate of " + ON + " turned degraded after " + since(verdictAt)
                        + " and analytics' current verdict cleared the guard rule's bar after " + since(guardBarAt)
                        + ", but no rule fired: workflow-service only sees the verdicts analytics publishes, and"
                        + " analytics publishes one when its status changes, when the interval was still wider";
            }
            return bound + "the rule fired after " + since(ruleFiredAt) + ", but flag-service did not disable the flag";
        }
    }

    private final PlatformClient client;
    private final Options options;
    private final Timeline timeline;
    private final List<ScenarioUser> users;
    /** The least lower end of the interval for which the guard fires (points / 100), when it is read. */
    private double guardBar = Double.NaN;
    private String guardRuleId;

    private Scenario(PlatformClient client, Options options, Timeline timeline) {
        this.client = client;
        this.options = options;
        this.timeline = timeline;
        this.users = ScenarioUser.population(options.users(), options.staffEvery());
    }

    public static Result run(Endpoints endpoints, Options options, Timeline timeline) throws Exception {
        ExecutorService executor = Traffic.clientExecutor();
        try {
            return new Scenario(new PlatformClient(endpoints, executor), options, timeline).play();
        } finally {
            executor.shutdownNow();
        }
    }

    private record Keys(String server, String ingest) {
    }

    private Result play() throws Exception {
        Keys keys = createProjectAndFlag();
        awaitIngestKey(keys.ingest());
        try (Traffic traffic = new Traffic(client, keys.ingest(), keys.server(), options.environment(), FLAG, ON,
                users, options.profile())) {
            traffic.start(options.requestsPerSecond());
            timeline.mark("traffic starts", String.format(Locale.ROOT, "%d requests/s from %,d users of shop-web:"
                            + " OFREP evaluation per request, OTLP spans to ingest-service with the variant",
                    options.requestsPerSecond(), users.size()));
            awaitGuardRule();
            Thread.sleep(options.baseline().toMillis());
            turnOnForStaff();
            Thread.sleep(options.staffPhase().toMillis());
            List<String> offCohort = rollOut(traffic, keys.server());
            int onCohort = users.size() - offCohort.size();

            traffic.startRegression();
            Traffic.Profile profile = options.profile();
            Instant regressionStart = timeline.mark("regression starts", String.format(Locale.ROOT,
                    "on-cohort: +%.0f points of errors (%.0f%% -> %.0f%%), +%.0f%% latency",
                    profile.errorIncrease() * 100, profile.baseErrorRate() * 100,
                    (profile.baseErrorRate() + profile.errorIncrease()) * 100, profile.latencyIncrease() * 100));
            Watch watch = watch(regressionStart.plus(options.detectionBound()));
            Traffic.Rates regressionRates = traffic.rates(regressionStart,
                    watch.flagOffAt != null ? watch.flagOffAt : Instant.now());
            if (watch.flagOffAt == null) {
                Result result = new Result(options, guardRuleId, regressionStart, watch.verdictAt,
                        watch.verdictSentence, watch.guardBarAt, watch.ruleFiredAt, watch.ruleName, null, null,
                        onCohort, offCohort.size(), List.of(), List.of(), regressionRates, null, 0, 0,
                        traffic.usersSeen(), traffic.failedEvaluations(), traffic.summary());
                timeline.mark("not detected", "the flag was still on " + options.detectionBound().toSeconds()
                        + " s after the regression started");
                timeline.note(result.diagnosis());
                return result;
            }
            timeline.note(String.format(Locale.ROOT, "detection delay (regression start -> flag off): %.1f s",
                    Duration.between(regressionStart, watch.flagOffAt).toMillis() / 1000.0));

            Map<String, Evaluation> after = evaluateAll(keys.server());
            List<String> changed = offCohort.stream().filter(id -> !OFF.equals(after.get(id).variant())).toList();
            List<String> sawOther = offCohort.stream()
                    .filter(id -> !Set.of(OFF).containsAll(traffic.variantsSeen().getOrDefault(id, Set.of())))
                    .toList();
            timeline.mark("off-cohort checked", String.format(Locale.ROOT,
                    "%,d off users: %s after the rollout, while the traffic ran (%,d of them served) and after the"
                            + " disable; %,d of %,d users still served on",
                    offCohort.size(), changed.isEmpty() && sawOther.isEmpty() ? "always \"off\""
                            : (changed.size() + sawOther.size()) + " saw another variant",
                    offCohort.stream().filter(traffic.variantsSeen()::containsKey).count(),
                    after.values().stream().filter(e -> !OFF.equals(e.variant())).count(), users.size()));

            Thread.sleep(options.recovery().toMillis());
            Traffic.Rates recovery = traffic.rates(watch.flagOffAt.plusSeconds(1), Instant.now());
            timeline.mark("error rate normal", String.format(Locale.ROOT,
                    "%s (%,d of %,d requests) since the flag went off; during the regression on-cohort %s of %,d,"
                            + " others %s",
                    percent(recovery.errorRate()), recovery.errors(), recovery.requests(),
                    percent(regressionRates.treatmentErrorRate()), regressionRates.treatmentRequests(),
                    percent(regressionRates.controlErrorRate())));

            traffic.close();
            long[] adoption = adoption();
            int seen = traffic.usersSeen();
            timeline.mark("adoption", String.format(Locale.ROOT,
                    "analytics: %,d users had %s=on in the last hour (%s of the %,d users served), %,d had off",
                    adoption[0], FLAG, percent(seen == 0 ? Double.NaN : (double) adoption[0] / seen), seen,
                    adoption[1]));
            return new Result(options, guardRuleId, regressionStart, watch.verdictAt, watch.verdictSentence,
                    watch.guardBarAt, watch.ruleFiredAt, watch.ruleName, watch.flagOffAt, watch.disableEntry, onCohort,
                    offCohort.size(), sawOther, changed, regressionRates, recovery, adoption[0], adoption[1], seen,
                    traffic.failedEvaluations(), traffic.summary());
        }
    }

    private Keys createProjectAndFlag() {
        String project = options.project();
        JsonNode keys = client.createProject(project, options.environment());
        client.createSegment(project, "staff", "Staff", "email", "ends_with", ScenarioUser.STAFF_DOMAIN);
        timeline.mark("project created", project + " with environment " + options.environment()
                + " (server, client and ingest keys issued); segment staff: email ends with "
                + ScenarioUser.STAFF_DOMAIN);
        client.createBooleanFlag(project, FLAG, "Dark mode");
        timeline.mark("flag created", FLAG + ": boolean, variants on/off, off variant \"off\", switched off");
        return new Keys(PlatformClient.secret(keys, "server"), PlatformClient.secret(keys, "ingest"));
    }

    private void turnOnForStaff() {
        ObjectNode state = PlatformClient.JSON.createObjectNode().put("enabled", true).put("offVariant", OFF);
        state.putArray("rules").addObject().put("id", "staff").put("segment", "staff")
                .putObject("serve").put("variant", ON);
        state.putObject("defaultServe").put("variant", OFF);
        client.replaceState(options.project(), FLAG, options.environment(), state, "dogfooding with staff");
        timeline.mark("on for staff", "rule staff -> on (" + staffCount() + " users), everyone else off");
    }

    /** Rolls the flag out and returns the off-cohort: the users OFREP then serves "off". */
    private List<String> rollOut(Traffic traffic, String serverKey) throws InterruptedException {
        int percent = options.rolloutPercent();
        client.setRollout(options.project(), FLAG, options.environment(), ON, percent, OFF, percent + "% rollout");
        traffic.trackVariants();
        List<String> offCohort = evaluateAll(serverKey).entrySet().stream()
                .filter(e -> OFF.equals(e.getValue().variant())).map(Map.Entry::getKey).sorted().toList();
        int on = users.size() - offCohort.size();
        timeline.mark("rollout " + percent + "%", String.format(Locale.ROOT,
                "default split on %d / off %d: %,d of %,d users get on (%d staff + %,d by bucket)",
                percent, 100 - percent, on, users.size(), staffCount(), on - staffCount()));
        return offCohort;
    }

    private long staffCount() {
        return users.stream().filter(ScenarioUser::staff).count();
    }

    /** ingest-service learns a new key from flag-service's credential event, within seconds. */
    private void awaitIngestKey(String ingestKey) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        int status;
        while ((status = client.probeIngest(ingestKey)) != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ingest-service still answers " + status
                        + " to the new ingest key after 30 s");
            }
            Thread.sleep(200);
        }
    }

    /** workflow-service creates the environment's default guard when it first hears of the environment. */
    private void awaitGuardRule() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try {
                for (JsonNode rule : client.rules(options.project(), options.environment())) {
                    guardRuleId = rule.path("id").asText();
                    JsonNode condition = rule.path("condition");
                    if ("points".equalsIgnoreCase(condition.path("unit").asText())) {
                        guardBar = condition.path("amount").asDouble() / 100;
                    }
                    timeline.mark("guard rule ready", String.format(Locale.ROOT,
                            "workflow-service: \"%s\": %s up %s %s over control at %s confidence, min %d samples",
                            rule.path("name").asText(), rule.path("metric").asText(),
                            condition.path("amount").asText(), condition.path("unit").asText().toLowerCase(Locale.ROOT),
                            condition.path("confidence").asText(), rule.path("minSamples").asLong()));
                    return;
                }
            } catch (RuntimeException e) {
                // not known yet
            }
            Thread.sleep(POLL.toMillis());
        }
        timeline.mark("no guard rule", "workflow-service has no rule for the environment after 20 s");
    }

    /** What the platform did about the regression, as far as it got before the deadline. */
    private static final class Watch {
        Instant verdictAt;
        String verdictSentence;
        boolean latencyReported;
        Instant guardBarAt;
        Instant ruleFiredAt;
        String ruleName;
        Instant flagOffAt;
        JsonNode disableEntry;
    }

    private Watch watch(Instant deadline) throws InterruptedException {
        Watch watch = new Watch();
        String project = options.project();
        String env = options.environment();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (watch.verdictAt == null || !watch.latencyReported || watch.guardBarAt == null) {
                    readVerdicts(client.impact(project, env, FLAG, "15m"), watch);
                }
                if (watch.ruleFiredAt == null) {
                    for (JsonNode incident : client.incidents(project, FLAG)) {
                        watch.ruleFiredAt = Instant.parse(incident.path("openedAt").asText());
                        watch.ruleName = incident.path("rule").path("name").asText();
                        timeline.mark(watch.ruleFiredAt, "rule fires", "\"" + watch.ruleName + "\" opened incident "
                                + incident.path("id").asText() + " on " + incident.path("variant").asText() + "/"
                                + incident.path("metric").asText() + " and sent DisableFlag");
                        break;
                    }
                }
                if (!client.flagState(project, FLAG, env).path("enabled").asBoolean(true)) {
                    JsonNode entry = disableEntry(client.audit(project, FLAG));
                    if (entry != null) {
                        watch.flagOffAt = Instant.parse(entry.path("occurredAt").asText());
                        watch.disableEntry = entry;
                        JsonNode actor = entry.path("actor");
                        timeline.mark(watch.flagOffAt, "flag off", "flag-service disabled " + FLAG + "; audit actor "
                                + actor.path("kind").asText() + " " + actor.path("id").asText() + " (\""
                                + actor.path("name").asText() + "\")");
                        timeline.note("reason: " + entry.path("reason").asText());
                        timeline.note("evidence: " + evidence(entry.path("evidence")));
                        return watch;
                    }
                }
            } catch (RuntimeException e) {
                // a service busy or restarting: look again at the next poll
            }
            Thread.sleep(POLL.toMillis());
        }
        return watch;
    }

    private void readVerdicts(JsonNode impact, Watch watch) {
        for (JsonNode verdict : impact.path("verdicts")) {
            boolean allTraffic = verdict.path("service").asText("").isEmpty();
            if (!allTraffic || !ON.equals(verdict.path("variant").asText())
                    || !"degraded".equals(verdict.path("status").asText())) {
                continue;
            }
            String metric = verdict.path("metric").asText();
            Instant since = Instant.parse(verdict.path("since").asText());
            if (ERROR_RATE.equals(metric)) {
                if (watch.verdictAt == null) {
                    watch.verdictAt = since;
                    watch.verdictSentence = verdict.path("sentence").asText();
                    timeline.mark(since, "verdict degraded", "analytics, error_rate of on vs off: "
                            + watch.verdictSentence);
                }
                double lower = verdict.path("evidence").path("intervalLower").asDouble(Double.NaN);
                if (watch.guardBarAt == null && lower > guardBar) {
                    watch.guardBarAt = Instant.parse(verdict.path("assessedAt").asText());
                    timeline.mark(watch.guardBarAt, "guard bar reached", String.format(Locale.ROOT,
                            "analytics' current verdict puts on %.1f points or more above off (%s); the guard asks"
                                    + " for %.1f", lower * 100, verdict.path("sentence").asText(), guardBar * 100));
                }
            } else if ("latency".equals(metric) && !watch.latencyReported) {
                watch.latencyReported = true;
                timeline.mark(since, "verdict degraded", "analytics, latency of on vs off: "
                        + verdict.path("sentence").asText());
            }
        }
    }

    /** The newest audit entry that switched the flag off with a rule as actor. */
    private static JsonNode disableEntry(JsonNode audit) {
        for (JsonNode entry : audit) {
            if ("rule".equals(entry.path("actor").path("kind").asText())
                    && !entry.path("after").path("enabled").asBoolean(true)) {
                return entry;
            }
        }
        return null;
    }

    /** The evidence of an audit entry in one line: cohorts, effect and its interval. */
    static String evidence(JsonNode evidence) {
        if (evidence == null || evidence.isMissingNode() || evidence.isNull()) {
            return "none";
        }
        JsonNode treatment = evidence.path("treatment");
        JsonNode control = evidence.path("control");
        if (!treatment.has("value") || !evidence.has("effect")) {
            return evidence.toString();
        }
        return String.format(Locale.ROOT, "%s of %s: %s of %,d requests vs %s of %,d; effect %+.1f points,"
                        + " %.0f%% interval [%+.1f, %+.1f] (%s)",
                evidence.path("metric").asText(ERROR_RATE), evidence.path("variant").asText(ON),
                percent(treatment.path("value").asDouble()), treatment.path("samples").asLong(),
                percent(control.path("value").asDouble()), control.path("samples").asLong(),
                evidence.path("effect").asDouble() * 100, evidence.path("confidence").asDouble() * 100,
                evidence.path("intervalLower").asDouble() * 100, evidence.path("intervalUpper").asDouble() * 100,
                evidence.path("comparison").asText());
    }

    /** Every user's evaluation, a bounded number of requests at a time. */
    private Map<String, Evaluation> evaluateAll(String serverKey) throws InterruptedException {
        Semaphore permits = new Semaphore(32);
        Map<String, CompletableFuture<Evaluation>> pending = new HashMap<>();
        for (ScenarioUser user : users) {
            permits.acquire();
            pending.put(user.id(), client.evaluate(serverKey, FLAG, user)
                    .whenComplete((evaluation, failure) -> permits.release()));
        }
        Map<String, Evaluation> evaluations = new HashMap<>();
        pending.forEach((id, future) -> evaluations.put(id, future.join()));
        return evaluations;
    }

    /** Distinct users per variant over the last hour, once analytics has the rollout's spans. */
    private long[] adoption() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        long on = 0;
        long off = 0;
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode answer = client.adoption(options.project(), options.environment(), FLAG, "1h");
                for (JsonNode variant : answer.path("variants")) {
                    if (ON.equals(variant.path("variant").asText())) {
                        on = variant.path("users").asLong();
                    } else if (OFF.equals(variant.path("variant").asText())) {
                        off = variant.path("users").asLong();
                    }
                }
                if (on > 0) {
                    break;
                }
            } catch (RuntimeException e) {
                // look again
            }
            Thread.sleep(POLL.toMillis());
        }
        return new long[]{on, off};
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** Where to look around after a run. */
    static List<String> links(Endpoints endpoints, String project, String environment) {
        String flagBase = endpoints.flagService() + "/api/v1/projects/" + project;
        String analyticsFlag = endpoints.analytics() + "/api/v1/projects/" + project + "/environments/" + environment
                + "/flags/" + FLAG;
        List<String> links = new ArrayList<>();
        links.add("flag and its state   " + flagBase + "/flags/" + FLAG);
        links.add("audit log            " + flagBase + "/audit?flag=" + FLAG);
        links.add("impact and verdicts  " + analyticsFlag + "/impact?window=15m");
        links.add("adoption             " + analyticsFlag + "/adoption?window=1h");
        links.add("incidents            " + endpoints.workflow() + "/api/v1/projects/" + project + "/incidents");
        links.add("rules                " + endpoints.workflow() + "/api/v1/projects/" + project + "/environments/"
                + environment + "/rules");
        links.add("Swagger UI           " + endpoints.flagService() + "/q/swagger-ui, "
                + endpoints.analytics() + "/q/swagger-ui, " + endpoints.workflow() + "/q/swagger-ui");
        return links;
    }

    /**
     * Plays the scenario against the platform on the default ports ({@code ./lightswitch up}) and prints the
     * timeline. Options: {@code --rate=N} requests/s, {@code --users=N}, {@code --bound=SECONDS},
     * {@code --project=KEY}, {@code --flag-service=URL}, {@code --ingest=URL}, {@code --analytics=URL},
     * {@code --workflow=URL}. Exits 1 when the flag was not turned off within the bound.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            if (parts.length != 2) {
                System.err.println("usage: Scenario [--rate=N] [--users=N] [--bound=SECONDS] [--project=KEY]"
                        + " [--flag-service=URL] [--ingest=URL] [--analytics=URL] [--workflow=URL]");
                System.exit(2);
            }
            flags.put(parts[0], parts[1]);
        }
        Endpoints defaults = Endpoints.defaults();
        Endpoints endpoints = new Endpoints(
                URI.create(flags.getOrDefault("flag-service", defaults.flagService().toString())),
                URI.create(flags.getOrDefault("ingest", defaults.ingest().toString())),
                URI.create(flags.getOrDefault("analytics", defaults.analytics().toString())),
                URI.create(flags.getOrDefault("workflow", defaults.workflow().toString())),
                defaults.adminToken());
        String project = flags.getOrDefault("project", "demo-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()));
        Options options = Options.defaults(project)
                .withRate(Integer.parseInt(flags.getOrDefault("rate", "100")))
                .withDetectionBound(Duration.ofSeconds(Long.parseLong(flags.getOrDefault("bound", "180"))));
        if (flags.containsKey("users")) {
            options = new Options(options.project(), options.environment(), Integer.parseInt(flags.get("users")),
                    options.staffEvery(), options.rolloutPercent(), options.requestsPerSecond(), options.baseline(),
                    options.staffPhase(), options.detectionBound(), options.recovery(), options.profile());
        }

        Timeline timeline = new Timeline(System.out);
        System.out.println("Lightswitch seed scenario: project " + project + ", " + options.requestsPerSecond()
                + " requests/s");
        System.out.println();
        Result result = run(endpoints, options, timeline);
        System.out.println();
        System.out.println("Look around (admin token: curl -H 'Authorization: Bearer " + endpoints.adminToken()
                + "' URL):");
        links(endpoints, project, options.environment()).forEach(link -> System.out.println("  " + link));
        System.exit(result.detected() ? 0 : 1);
    }
}
