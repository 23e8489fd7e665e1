package io.lightswitch.analytics.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.analytics.detection.DetectionConfig;
import io.lightswitch.analytics.support.AnalyticsEventTap;
import io.lightswitch.analytics.support.SeriesSeeder;
import io.lightswitch.analytics.support.SeriesSeeder.Where;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.analytics.VerdictEvidence;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@QuarkusTest
class DetectionJobTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHECKOUT = "checkout-service";
    private static final String PAY = "POST /pay";

    @Inject
    DetectionJob job;

    @Inject
    DetectionSettings settings;

    @Inject
    Pool pool;

    private AnalyticsEventTap tap;
    private Instant now;
    private String project;

    @BeforeEach
    void tapTheExchange() throws Exception {
        tap = new AnalyticsEventTap();
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        project = "detect-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeTheTap() throws Exception {
        tap.close();
    }

    @Test
    void settingsDefaultToTheDetectionCoreDefaults() {
        assertThat(settings.detectionConfig()).isEqualTo(DetectionConfig.defaults());
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxWindow()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.enabled()).as("the test profile starts passes itself").isFalse();
    }

    @Test
    void fivePointErrorRegressionOfTheOnCohortIsDegradedAndAnnounced() {
        Instant changed = now.minus(Duration.ofMinutes(10));
        flagState("dark-mode", "off", changed);
        rollout("dark-mode", changed, 100, 6, 900, 9);

        DetectionJob.PassOutcome outcome = pass();

        assertThat(outcome.ran()).isTrue();
        Row stored = verdict("dark-mode", "on", "error_rate", "", "");
        assertThat(stored.getString("status")).isEqualTo("degraded");
        assertThat(stored.getString("reason")).isEqualTo("significant_change");
        VerdictEvidence evidence = evidence(stored);
        assertThat(evidence.comparison()).isEqualTo("cohorts");
        assertThat(evidence.scale()).isEqualTo("difference_in_points");
        assertThat(evidence.treatment().samples()).isEqualTo(6_000);
        assertThat(evidence.control().samples()).isEqualTo(54_000);
        assertThat(evidence.treatment().value()).isCloseTo(0.06, within(1e-9));
        assertThat(evidence.control().value()).isCloseTo(0.01, within(1e-9));
        assertThat(evidence.effect()).isCloseTo(0.05, within(1e-9));
        assertThat(evidence.intervalLower()).isPositive();
        assertThat(stored.getString("sentence"))
                .startsWith("errors up on checkout-service POST /pay for dark-mode=on: 6.0% vs 1.0%");
        assertThat(verdict("dark-mode", "on", "latency", "", "").getString("status")).isEqualTo("healthy");

        AnalyticsEventTap.Received anomaly = awaitMessage(RoutingKeys.ANOMALY_DETECTED, "dark-mode", "error_rate");
        AnalyticsEventTap.Received impact = awaitMessage(RoutingKeys.IMPACT_ASSESSED, "dark-mode", "error_rate");
        for (AnalyticsEventTap.Received message : List.of(anomaly, impact)) {
            ImpactVerdict verdict = message.verdict();
            assertThat(message.envelope().source()).isEqualTo("analytics-service");
            assertThat(verdict.environment()).isEqualTo("production");
            assertThat(verdict.variant()).isEqualTo("on");
            assertThat(verdict.status()).isEqualTo(ImpactVerdict.DEGRADED);
            assertThat(verdict.previousStatus()).isNull();
            assertThat(verdict.reason()).isEqualTo("significant_change");
            assertThat(verdict.service()).isEqualTo(CHECKOUT);
            assertThat(verdict.operation()).isEqualTo(PAY);
            assertThat(verdict.since()).isEqualTo(verdict.assessedAt());
            assertThat(verdict.evidence()).isEqualTo(evidence);
            assertThat(verdict.sentence()).isEqualTo(stored.getString("sentence"));
        }
        assertThat(anomaly.type()).isEqualTo(MessageTypes.ANOMALY_DETECTED);
        assertThat(anomaly.envelope().type()).isEqualTo(MessageTypes.ANOMALY_DETECTED);
        assertThat(impact.envelope().type()).isEqualTo(MessageTypes.IMPACT_ASSESSED);
        assertThat(anomaly.envelope().id()).isNotEqualTo(impact.envelope().id());
        // both cohorts ran at a 120 ms median; the sketches give it within their 2% accuracy
        assertThat(evidence.treatment().latencyP50()).isCloseTo(120, within(120 * 0.05));
        assertThat(evidence.control().latencyP95()).isBetween(220.0, 300.0);
        assertThat(evidence.treatment().latencyP99()).isGreaterThan(evidence.treatment().latencyP95());

        ImpactVerdict latency = awaitMessage(RoutingKeys.IMPACT_ASSESSED, "dark-mode", "latency").verdict();
        assertThat(latency.status()).isEqualTo(ImpactVerdict.HEALTHY);
        assertThat(latency.service()).isNull();
        assertThat(latency.evidence().scale()).isEqualTo("relative_change");
        assertThat(tap.of(project)).extracting(AnalyticsEventTap.Received::routingKey)
                .containsExactlyInAnyOrder("impact.assessed", "anomaly.detected", "impact.assessed");
        awaitAllPublished();
    }

    @Test
    void aSecondPassWithoutNewDataPublishesNothingNew() {
        Instant changed = now.minus(Duration.ofMinutes(10));
        flagState("dark-mode", "off", changed);
        rollout("dark-mode", changed, 100, 6, 900, 9);
        DetectionJob.PassOutcome first = pass();
        awaitMessage(RoutingKeys.ANOMALY_DETECTED, "dark-mode", "error_rate");
        awaitAllPublished();
        Instant since = verdict("dark-mode", "on", "error_rate", "", "").getOffsetDateTime("since").toInstant();

        DetectionJob.PassOutcome second = job.runPass(now.plusSeconds(10)).await().atMost(WAIT);

        assertThat(first.messages()).isEqualTo(3);
        assertThat(second.ran()).isTrue();
        assertThat(second.verdicts()).extracting(v -> v.subject().flagKey()).contains("dark-mode");
        assertThat(outboxRows()).isEqualTo(3);
        Row stored = verdict("dark-mode", "on", "error_rate", "", "");
        assertThat(stored.getString("status")).isEqualTo("degraded");
        assertThat(stored.getOffsetDateTime("since").toInstant()).isEqualTo(since);
        assertThat(stored.getOffsetDateTime("assessed_at").toInstant()).isEqualTo(now.plusSeconds(10));
        assertThat(changes("dark-mode")).isEqualTo(2);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(tap.of(project)).hasSize(3));
    }

    @Test
    void sparseDataIsInsufficientAndRaisesNoAnomaly() {
        Instant changed = now.minus(Duration.ofMinutes(10));
        flagState("dark-mode", "off", changed);
        SeriesSeeder seeder = new SeriesSeeder(pool);
        Instant at = changed.plusSeconds(30);
        seeder.spans(Where.flag(project, "dark-mode", "on", CHECKOUT, PAY), at, 30, 3, 120)
                .spans(Where.flag(project, "dark-mode", "off", CHECKOUT, PAY), at, 270, 1, 120)
                .write();

        pass();

        Row stored = verdict("dark-mode", "on", "error_rate", "", "");
        assertThat(stored.getString("status")).isEqualTo("insufficient_data");
        assertThat(stored.getString("reason")).isEqualTo("too_few_samples");
        assertThat(stored.getString("sentence")).contains("30 vs 270 control requests, minimum 100 each");
        ImpactVerdict verdict = awaitMessage(RoutingKeys.IMPACT_ASSESSED, "dark-mode", "error_rate").verdict();
        assertThat(verdict.status()).isEqualTo(ImpactVerdict.INSUFFICIENT_DATA);
        assertThat(verdict.evidence().effect()).isNull();
        assertThat(verdict.evidence().intervalLower()).isNull();
        assertThat(verdict.evidence().logEValue()).isNull();
        assertThat(verdict.evidence().treatment().samples()).isEqualTo(30);
        awaitAllPublished();
        assertThat(tap.of(project)).extracting(AnalyticsEventTap.Received::routingKey)
                .doesNotContain(RoutingKeys.ANOMALY_DETECTED);
    }

    @Test
    void aLocalisedRegressionNamesItsServiceAndOperation() {
        Instant changed = now.minus(Duration.ofMinutes(10));
        flagState("dark-mode", "off", changed);
        SeriesSeeder seeder = new SeriesSeeder(pool);
        Instant at = changed.plusSeconds(60);
        seeder.spans(Where.flag(project, "dark-mode", "on", CHECKOUT, PAY), at, 1_000, 100, 120)
                .spans(Where.flag(project, "dark-mode", "off", CHECKOUT, PAY), at, 9_000, 90, 120)
                .spans(Where.flag(project, "dark-mode", "on", CHECKOUT, "GET /cart"), at, 3_000, 31, 80)
                .spans(Where.flag(project, "dark-mode", "off", CHECKOUT, "GET /cart"), at, 27_000, 270, 80)
                .spans(Where.flag(project, "dark-mode", "on", "search-service", "GET /search"), at, 5_000, 48, 60)
                .spans(Where.flag(project, "dark-mode", "off", "search-service", "GET /search"), at, 45_000, 450, 60)
                .write();

        pass();

        ImpactVerdict verdict = awaitMessage(RoutingKeys.ANOMALY_DETECTED, "dark-mode", "error_rate").verdict();
        assertThat(verdict.service()).isEqualTo(CHECKOUT);
        assertThat(verdict.operation()).isEqualTo(PAY);
        assertThat(verdict.sentence())
                .startsWith("errors up on checkout-service POST /pay for dark-mode=on: 10.0% vs 1.0%")
                .contains("; all traffic: 2.0% vs 1.0%");
        assertThat(verdict.evidence().treatment().samples()).isEqualTo(9_000);
        assertThat(verdict("dark-mode", "on", "error_rate", CHECKOUT, PAY).getString("status")).isEqualTo("degraded");
        assertThat(verdict("dark-mode", "on", "error_rate", CHECKOUT, "GET /cart").getString("status"))
                .isEqualTo("healthy");
        assertThat(verdict("dark-mode", "on", "error_rate", "search-service", "GET /search").getString("status"))
                .isEqualTo("healthy");
        awaitAllPublished();
        assertThat(tap.of(project)).as("slices are stored, not published")
                .allSatisfy(m -> assertThat(m.verdict().service()).isIn(CHECKOUT, null));
    }

    @Test
    void ofTwoFlagsChangedTogetherTheGuiltyOneRanksFirst() {
        flagState("innocent", "off", now.minus(Duration.ofMinutes(9)));
        flagState("guilty", "off", now.minus(Duration.ofMinutes(10)));
        flagState("loner", "off", now.minus(Duration.ofMinutes(40)));
        rollout("innocent", now.minus(Duration.ofMinutes(9)), 100, 1, 900, 9);
        rollout("guilty", now.minus(Duration.ofMinutes(10)), 100, 6, 900, 9);
        rollout("loner", now.minus(Duration.ofMinutes(40)), 100, 1, 900, 9);

        pass();

        assertThat(verdict("guilty", "on", "error_rate", "", "").getInteger("rank")).isEqualTo(1);
        assertThat(verdict("guilty", "on", "latency", "", "").getInteger("rank")).isEqualTo(1);
        assertThat(verdict("guilty", "on", "error_rate", CHECKOUT, PAY).getInteger("rank")).isEqualTo(1);
        assertThat(verdict("innocent", "on", "error_rate", "", "").getInteger("rank")).isEqualTo(2);
        assertThat(verdict("innocent", "on", "error_rate", "", "").getString("status")).isEqualTo("healthy");
        assertThat(verdict("loner", "on", "error_rate", "", "").getInteger("rank"))
                .as("changed alone, half an hour earlier").isNull();
    }

    @Test
    void aFullToggleIsJudgedAgainstTheWindowBeforeTheChange() {
        Instant changed = now.minus(Duration.ofMinutes(10));
        flagState("new-checkout", "off", changed);
        Instant after = FlagWindow.ceil(changed, FlagWindow.BUCKET);
        new SeriesSeeder(pool)
                .spansEvery10s(Where.baseline(project, CHECKOUT, PAY), after.minus(Duration.ofMinutes(70)),
                        after.minusSeconds(10), 100, 1, 120)
                .spansEvery10s(Where.baseline(project, CHECKOUT, PAY), after, now, 100, 6, 120)
                .spansEvery10s(Where.flag(project, "new-checkout", "on", CHECKOUT, PAY), after, now, 100, 6, 120)
                .write();

        pass();

        Row stored = verdict("new-checkout", "on", "error_rate", "", "");
        assertThat(stored.getString("status")).isEqualTo("degraded");
        assertThat(stored.getString("sentence")).startsWith("errors up after new-checkout=on: 6.0% vs baseline 1.0%");
        ImpactVerdict verdict = awaitMessage(RoutingKeys.ANOMALY_DETECTED, "new-checkout", "error_rate").verdict();
        assertThat(verdict.evidence().comparison()).isEqualTo("before_after");
        assertThat(verdict.evidence().control().value()).isCloseTo(0.01, within(1e-9));
        assertThat(verdict.evidence().control().samples()).as("the hour before the change")
                .isEqualTo(360 * 100);
        assertThat(verdict.evidence().effect()).isCloseTo(0.05, within(1e-9));
        assertThat(verdict.evidence().control().latencyP50()).isCloseTo(120, within(120 * 0.05));
        assertThat(verdict("new-checkout", "on", "latency", "", "").getString("status")).isEqualTo("healthy");
    }

    @Test
    void twoConcurrentPassesPublishOneSetOfMessages() {
        Instant changed = now.minus(Duration.ofMinutes(10));
        flagState("dark-mode", "off", changed);
        rollout("dark-mode", changed, 100, 6, 900, 9);

        List<DetectionJob.PassOutcome> outcomes = Uni.join().all(job.runPass(now), job.runPass(now)).andFailFast()
                .await().atMost(WAIT);

        // the other pass either did not get the lock or ran after the first committed and found nothing changed
        assertThat(outcomes).anySatisfy(o -> assertThat(o.ran()).isTrue());
        assertThat(outboxRows()).isEqualTo(3);
        assertThat(changes("dark-mode")).isEqualTo(2);
        awaitMessage(RoutingKeys.ANOMALY_DETECTED, "dark-mode", "error_rate");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(tap.of(project)).hasSize(3));
    }

    @Test
    void aPassSkipsWhileAnotherReplicaHoldsTheLock() {
        Instant changed = now.minus(Duration.ofMinutes(10));
        flagState("dark-mode", "off", changed);
        rollout("dark-mode", changed, 100, 6, 900, 9);

        DetectionJob.PassOutcome whileLocked = pool.withTransaction(other -> other
                        .query("select pg_advisory_xact_lock(" + DetectionJob.LOCK + ")").execute()
                        .chain(() -> job.runPass(now)))
                .await().atMost(WAIT);

        assertThat(whileLocked.ran()).isFalse();
        assertThat(outboxRows()).isZero();
        assertThat(pass().ran()).isTrue();
        assertThat(outboxRows()).isEqualTo(3);
    }

    @Test
    void aRowTheRelayCannotTypeDoesNotHoldBackTheVerdictsBehindIt() {
        pool.preparedQuery("insert into analytics.outbox (id, routing_key, body, created_at)"
                        + " values ($1, 'unknown.key', convert_to($2, 'UTF8'), now() - interval '1 minute')")
                .execute(Tuple.of(UUID.randomUUID(), "{\"payload\":{\"project\":\"" + project + "\"}}"))
                .await().atMost(WAIT);
        Instant changed = now.minus(Duration.ofMinutes(10));
        flagState("dark-mode", "off", changed);
        rollout("dark-mode", changed, 100, 6, 900, 9);

        pass();

        awaitMessage(RoutingKeys.ANOMALY_DETECTED, "dark-mode", "error_rate");
        awaitAllPublished();
    }

    private DetectionJob.PassOutcome pass() {
        return job.runPass(now).await().atMost(WAIT);
    }

    /**
     * Ten-second buckets from just after the change (at most ten minutes back) up to now on checkout-service
     * POST /pay, both at a 120 ms median: {@code on} and {@code off} requests and errors per bucket.
     */
    private void rollout(String flag, Instant changed, long onRequests, long onErrors, long offRequests,
                         long offErrors) {
        Instant tenMinutesAgo = FlagWindow.ceil(now.minus(Duration.ofMinutes(10)), FlagWindow.BUCKET);
        Instant afterChange = FlagWindow.ceil(changed, FlagWindow.BUCKET);
        Instant from = afterChange.isAfter(tenMinutesAgo) ? afterChange : tenMinutesAgo;
        Instant to = now;
        new SeriesSeeder(pool)
                .spansEvery10s(Where.flag(project, flag, "on", CHECKOUT, PAY), from, to, onRequests, onErrors, 120)
                .spansEvery10s(Where.flag(project, flag, "off", CHECKOUT, PAY), from, to, offRequests, offErrors, 120)
                .write();
    }

    private void flagState(String flag, String offVariant, Instant changedAt) {
        pool.preparedQuery("""
                        insert into analytics.flag_state (project, environment, flag_key, flag_version, enabled,
                            off_variant, changed_at) values ($1, 'production', $2, 3, true, $3, $4)""")
                .execute(Tuple.of(project, flag, offVariant, changedAt.atOffset(ZoneOffset.UTC)))
                .await().atMost(WAIT);
    }

    private Row verdict(String flag, String variant, String metric, String service, String operation) {
        RowSet<Row> rows = pool.preparedQuery("""
                        select status, reason, evidence::text as evidence, sentence, rank, since, assessed_at
                        from analytics.verdict where project = $1 and environment = 'production' and flag_key = $2
                         and variant = $3 and metric = $4 and service = $5 and operation = $6""")
                .execute(Tuple.from(List.of(project, flag, variant, metric, service, operation))).await().atMost(WAIT);
        assertThat(rows.size()).as("verdict of %s=%s %s on '%s %s'", flag, variant, metric, service, operation)
                .isEqualTo(1);
        return rows.iterator().next();
    }

    private static VerdictEvidence evidence(Row row) {
        try {
            JsonNode json = MessageCodec.mapper().readTree(row.getString("evidence"));
            return MessageCodec.mapper().treeToValue(json, VerdictEvidence.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long outboxRows() {
        return pool.preparedQuery("select count(*) from analytics.outbox"
                        + " where convert_from(body, 'UTF8')::jsonb -> 'payload' ->> 'project' = $1")
                .execute(Tuple.of(project)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private long changes(String flag) {
        return pool.preparedQuery("select count(*) from analytics.verdict_change where project = $1 and flag_key = $2"
                        + " and service = '' and variant = 'on'")
                .execute(Tuple.of(project, flag)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private void awaitAllPublished() {
        Awaitility.await().atMost(WAIT).until(() -> pool.preparedQuery("select count(*) from analytics.outbox"
                        + " where published_at is null"
                        + " and convert_from(body, 'UTF8')::jsonb -> 'payload' ->> 'project' = $1")
                .execute(Tuple.of(project)).await().atMost(WAIT).iterator().next().getLong(0) == 0);
    }

    private AnalyticsEventTap.Received awaitMessage(String routingKey, String flag, String metric) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> tap.of(project).stream()
                        .filter(m -> m.routingKey().equals(routingKey) && m.verdict().flagKey().equals(flag)
                                && m.verdict().metric().equals(metric))
                        .findFirst().orElse(null), m -> m != null);
    }
}
