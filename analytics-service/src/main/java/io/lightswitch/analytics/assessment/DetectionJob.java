package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.FlagRanker;
import io.lightswitch.analytics.detection.PublicationPolicy;
import io.lightswitch.analytics.detection.Slice;
import io.lightswitch.analytics.detection.verdict.Verdict;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.VerdictEvidence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The detection pass: every flag with recent traffic is assessed over its window, its verdicts are stored, and
 * the ones worth a message go to the outbox, all in one transaction. A transaction-scoped advisory lock lets one
 * replica at a time run it; a replica that does not get the lock skips the pass, and the next pass of any replica
 * reads what the last one committed.
 */
@ApplicationScoped
public class DetectionJob {

    /** pg_try_advisory_xact_lock key of the detection pass, the same on every replica. */
    static final long LOCK = 0x4c53_4445_5445_4354L;
    static final String SOURCE = "analytics-service";

    private static final Logger LOG = Logger.getLogger(DetectionJob.class);

    private final Pool pool;
    private final DetectionSettings settings;
    private final OutboxRelay relay;
    private final MeterRegistry registry;
    private final Assessor assessor;

    /**
     * @param ran      false when another replica held the lock
     * @param verdicts the all-traffic verdicts of the pass (slice verdicts are stored but not listed)
     * @param messages outbox rows written
     */
    public record PassOutcome(boolean ran, int flags, List<Verdict> verdicts, int messages) {
        static final PassOutcome SKIPPED = new PassOutcome(false, 0, List.of(), 0);
        static final PassOutcome NOTHING = new PassOutcome(true, 0, List.of(), 0);
    }

    public DetectionJob(Pool pool, DetectionSettings settings, OutboxRelay relay, MeterRegistry registry) {
        this.pool = pool;
        this.settings = settings;
        this.relay = relay;
        this.registry = registry;
        this.assessor = new Assessor(settings.detectionConfig());
    }

    @Scheduled(every = "${lightswitch.detection.interval:10s}", delayed = "${lightswitch.detection.interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (!settings.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return runPass()
                .onFailure().invoke(e -> LOG.warnf(e, "detection pass failed; the next one starts over"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<PassOutcome> runPass() {
        return runPass(Instant.now());
    }

    /** One pass as of {@code at}; returns {@link PassOutcome#SKIPPED} when another pass holds the lock. */
    public Uni<PassOutcome> runPass(Instant at) {
        // PostgreSQL keeps microseconds: a verdict's instants read back must equal the ones it was published with
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        long started = System.nanoTime();
        return pool.withTransaction(connection -> connection.query("select pg_try_advisory_xact_lock(" + LOCK + ")")
                        .execute()
                        .chain(rows -> rows.iterator().next().getBoolean(0)
                                ? assess(connection, now)
                                : Uni.createFrom().item(PassOutcome.SKIPPED)))
                .onItem().invoke(outcome -> {
                    record(outcome.ran() ? "assessed" : "skipped", started);
                    for (Verdict verdict : outcome.verdicts()) {
                        registry.counter("lightswitch.detection.verdicts", "status",
                                VerdictMapping.status(verdict.status()), "metric",
                                Metrics.tag(verdict.metric().key())).increment();
                    }
                    if (outcome.messages() > 0) {
                        relay.kick();
                    }
                })
                .onFailure().invoke(e -> record("failed", started));
    }

    private void record(String outcome, long started) {
        Timer.builder("lightswitch.detection.pass").tag("outcome", outcome).register(registry)
                .record(Duration.ofNanos(System.nanoTime() - started));
    }

    private record Planned(FlagData data, Plan plan, ToggleHistory history) {
        VerdictStore.FlagKey key() {
            FlagWindow w = data.window();
            return new VerdictStore.FlagKey(w.project(), w.environment(), w.flagKey());
        }
    }

    private record Publication(Assessment assessment, List<String> routingKeys) {
    }

    private record SketchKey(String project, String environment, CohortRows rows) {
    }

    private Uni<PassOutcome> assess(SqlConnection connection, Instant now) {
        return SeriesReader.candidates(connection, now.minus(settings.lookback())).chain(candidates -> {
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(PassOutcome.NOTHING);
            }
            List<FlagWindow> windows = candidates.stream().map(c -> FlagWindow.of(c.project(), c.environment(),
                    c.flagKey(), c.offVariant(), c.changedAt(), now, settings.maxWindow())).toList();
            List<VerdictStore.FlagKey> flags = candidates.stream()
                    .map(c -> new VerdictStore.FlagKey(c.project(), c.environment(), c.flagKey())).toList();
            return SeriesReader.flagData(connection, windows, now)
                    .chain(data -> plan(connection, data))
                    .chain(planned -> VerdictStore.previous(connection, flags)
                            .emitOn(Infrastructure.getDefaultWorkerPool())
                            .chain(previous -> judge(connection, planned, previous, now)));
        });
    }

    /** Decides each flag's plan and reads the baselines of the full toggles. */
    private Uni<List<Planned>> plan(SqlConnection connection, List<FlagData> data) {
        List<Planned> plans = data.stream()
                .flatMap(flag -> Plan.of(flag, settings.maxWindow()).stream().map(p -> new Planned(flag, p, null)))
                .toList();
        return Multi.createFrom().iterable(plans)
                .onItem().transformToUniAndConcatenate(p -> p.plan() instanceof Plan.Toggle toggle
                        ? history(connection, p.data(), toggle).map(h -> new Planned(p.data(), toggle, h))
                        : Uni.createFrom().item(p))
                .collect().asList();
    }

    private Uni<ToggleHistory> history(SqlConnection connection, FlagData data, Plan.Toggle toggle) {
        FlagWindow window = data.window();
        List<Slice> slices = data.slices(toggle.variant()).keySet().stream()
                .sorted(Comparator.comparing(Slice::service).thenComparing(Slice::operation)).toList();
        List<CohortRows.Range> pastDays = new ArrayList<>();
        for (int day = 1; day <= settings.baselineDays(); day++) {
            Duration back = Duration.ofDays(day);
            pastDays.add(new CohortRows.Range(window.start().minus(back), window.end().minus(back)));
        }
        Instant change = FlagWindow.floor(window.changedAt(), FlagWindow.BUCKET);
        CohortRows.Range preceding = new CohortRows.Range(change.minus(settings.precedingWindow()), change);
        return SeriesReader.baseline(connection, window, slices, pastDays, ToggleHistory.PAST_DAY_RESOLUTION)
                .chain(days -> SeriesReader.baseline(connection, window, slices, List.of(preceding), 10)
                        .map(before -> new ToggleHistory(slices, days, pastDays, before.get(0), preceding)));
    }

    private Uni<PassOutcome> judge(SqlConnection connection, List<Planned> planned,
                                   Map<VerdictStore.FlagKey, Map<VerdictKey, StoredVerdict>> previous, Instant now) {
        List<Assessment> assessments = new ArrayList<>();
        for (Planned flag : planned) {
            Map<VerdictKey, StoredVerdict> before = previous.getOrDefault(flag.key(), Map.of());
            if (flag.plan() instanceof Plan.Rollout rollout) {
                assessments.addAll(assessor.rollout(flag.data(), rollout, before, now));
            } else if (flag.plan() instanceof Plan.Toggle toggle) {
                assessments.addAll(assessor.toggle(flag.data(), toggle, flag.history(), before, now));
            }
        }
        Map<VerdictStore.FlagKey, Integer> ranks = ranks(planned, assessments);
        List<Publication> publications = assessments.stream()
                .filter(Assessment::allTraffic)
                .map(a -> new Publication(a, PublicationPolicy.routingKeys(
                        a.previous() == null ? null : a.previous().verdict(), a.verdict())))
                .filter(p -> !p.routingKeys().isEmpty())
                .toList();
        return percentiles(connection, publications).chain(percentiles -> {
            List<VerdictStore.Write> writes = new ArrayList<>(assessments.size());
            Map<Assessment, VerdictEvidence> evidence = new IdentityHashMap<>();
            for (Assessment a : assessments) {
                VerdictEvidence e = VerdictMapping.evidence(a.verdict().evidence(),
                        percentiles.getOrDefault(sketchKey(a, a.treatment()), LatencyPercentiles.NONE),
                        percentiles.getOrDefault(sketchKey(a, a.control()), LatencyPercentiles.NONE));
                evidence.put(a, e);
                writes.add(new VerdictStore.Write(a, e, ranks.get(flagKey(a))));
            }
            List<VerdictStore.OutboxMessage> messages = new ArrayList<>();
            for (Publication publication : publications) {
                for (String routingKey : publication.routingKeys()) {
                    UUID id = UUID.randomUUID();
                    byte[] body = MessageCodec.encode(id, AnalyticsEventPublisher.type(routingKey), SOURCE, now,
                            VerdictMapping.message(publication.assessment(), evidence.get(publication.assessment())));
                    messages.add(new VerdictStore.OutboxMessage(id, routingKey, body));
                }
            }
            List<Verdict> allTraffic = assessments.stream().filter(Assessment::allTraffic)
                    .map(Assessment::verdict).toList();
            return VerdictStore.save(connection, writes, messages)
                    .replaceWith(new PassOutcome(true, planned.size(), allTraffic, messages.size()));
        });
    }

    /**
     * Latency percentiles of both sides of every verdict about to be published (merging sketches is the costly
     * part of a pass, so verdicts that stay unpublished do not pay for it).
     */
    private Uni<Map<SketchKey, LatencyPercentiles>> percentiles(SqlConnection connection,
                                                                List<Publication> publications) {
        Set<SketchKey> keys = new LinkedHashSet<>();
        for (Publication publication : publications) {
            Assessment a = publication.assessment();
            for (CohortRows rows : new CohortRows[] {a.treatment(), a.control()}) {
                if (rows != null) {
                    keys.add(sketchKey(a, rows));
                }
            }
        }
        Map<SketchKey, LatencyPercentiles> found = new LinkedHashMap<>();
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(key -> SeriesReader.latency(connection, key.project(),
                                key.environment(), key.rows())
                        .invoke(sketch -> found.put(key, LatencyPercentiles.of(sketch))))
                .collect().last()
                .replaceWith(found);
    }

    /**
     * Flags of one environment whose last changes lie within the ranking window of the first of them are ranked
     * against each other by their most suspicious contrast; a flag that changed alone is not ranked.
     */
    private Map<VerdictStore.FlagKey, Integer> ranks(List<Planned> planned, List<Assessment> assessments) {
        Map<FlagWindow.EnvironmentKey, List<Planned>> byEnvironment = planned.stream()
                .filter(p -> p.data().window().changedAt() != null)
                .sorted(Comparator.comparing((Planned p) -> p.data().window().changedAt()))
                .collect(Collectors.groupingBy(p -> p.data().window().environmentKey(), LinkedHashMap::new,
                        Collectors.toList()));
        Map<VerdictStore.FlagKey, List<Verdict>> verdicts = assessments.stream()
                .collect(Collectors.groupingBy(this::flagKey,
                        Collectors.mapping(Assessment::verdict, Collectors.toList())));
        Map<VerdictStore.FlagKey, Integer> ranks = new HashMap<>();
        for (List<Planned> flags : byEnvironment.values()) {
            List<Planned> group = new ArrayList<>();
            for (Planned flag : flags) {
                if (!group.isEmpty() && Duration.between(group.get(0).data().window().changedAt(),
                        flag.data().window().changedAt()).compareTo(settings.rankingWindow()) > 0) {
                    rank(group, verdicts, ranks);
                    group = new ArrayList<>();
                }
                group.add(flag);
            }
            rank(group, verdicts, ranks);
        }
        return ranks;
    }

    private static void rank(List<Planned> group, Map<VerdictStore.FlagKey, List<Verdict>> verdicts,
                             Map<VerdictStore.FlagKey, Integer> ranks) {
        if (group.size() < 2) {
            return;
        }
        Map<String, VerdictStore.FlagKey> byFlag = group.stream()
                .collect(Collectors.toMap(p -> p.data().window().flagKey(), Planned::key));
        List<Verdict> ranked = FlagRanker.rank(group.stream()
                .flatMap(p -> verdicts.getOrDefault(p.key(), List.of()).stream()).toList());
        for (int i = 0; i < ranked.size(); i++) {
            ranks.put(byFlag.get(ranked.get(i).subject().flagKey()), i + 1);
        }
    }

    private VerdictStore.FlagKey flagKey(Assessment a) {
        return new VerdictStore.FlagKey(a.window().project(), a.window().environment(), a.window().flagKey());
    }

    private static SketchKey sketchKey(Assessment a, CohortRows rows) {
        return rows == null ? null : new SketchKey(a.window().project(), a.window().environment(), rows);
    }
}
