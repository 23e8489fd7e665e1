package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Slice;
import io.lightswitch.analytics.detection.Subject;
import io.lightswitch.analytics.detection.verdict.CohortSummary;
import io.lightswitch.analytics.detection.verdict.Evidence;
import io.lightswitch.analytics.detection.verdict.Interval;
import io.lightswitch.analytics.detection.verdict.Reason;
import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.analytics.VerdictEvidence;

import java.time.Instant;
import java.util.Locale;

/**
 * Between the detection core's verdicts and the contracts' {@link ImpactVerdict}: lower-case names, nulls for
 * numbers that do not exist (NaN, infinity), null service and operation for all traffic; and back, for
 * verdicts read from table {@code verdict}.
 */
final class VerdictMapping {

    private VerdictMapping() {
    }

    static ImpactVerdict message(Assessment assessment, VerdictEvidence evidence) {
        FlagWindow window = assessment.window();
        Verdict verdict = assessment.verdict();
        Slice slice = assessment.localisedTo() != null ? assessment.localisedTo() : verdict.subject().slice();
        return new ImpactVerdict(window.project(), window.environment(), window.flagKey(),
                verdict.subject().variant(), slice.isAll() ? null : slice.service(),
                slice.isAll() ? null : slice.operation(), verdict.metric().key(), status(verdict.status()),
                assessment.previousStatus(), reason(verdict.reason()), evidence, verdict.assessedAt(), verdict.since(),
                assessment.sentence());
    }

    static VerdictEvidence evidence(Evidence evidence, LatencyPercentiles treatment, LatencyPercentiles control) {
        return new VerdictEvidence(lower(evidence.comparison().name()), cohort(evidence.treatment(), treatment),
                cohort(evidence.control(), control), lower(evidence.scale().name()), finite(evidence.effect()),
                finite(evidence.relativeEffect()), finite(evidence.interval().lower()),
                finite(evidence.interval().upper()), evidence.confidence(), finite(evidence.logEValue()));
    }

    static Verdict verdict(String flagKey, String variant, String service, String operation, String metric,
                           String status, String reason, VerdictEvidence evidence, Instant assessedAt, Instant since,
                           String sentence) {
        return new Verdict(new Subject(flagKey, variant, new Slice(service, operation)), Metrics.byKey(metric),
                status(status), Reason.valueOf(reason.toUpperCase(Locale.ROOT)), evidence(evidence), assessedAt,
                since, sentence);
    }

    static String status(Status status) {
        return lower(status.name());
    }

    static Status status(String status) {
        return Status.valueOf(status.toUpperCase(Locale.ROOT));
    }

    static String reason(Reason reason) {
        return lower(reason.name());
    }

    private static Evidence evidence(VerdictEvidence stored) {
        return new Evidence(Evidence.Comparison.valueOf(stored.comparison().toUpperCase(Locale.ROOT)),
                summary(stored.treatment()), summary(stored.control()),
                Evidence.Scale.valueOf(stored.scale().toUpperCase(Locale.ROOT)), number(stored.effect()),
                number(stored.relativeEffect()), new Interval(number(stored.intervalLower()),
                number(stored.intervalUpper())), stored.confidence(), number(stored.logEValue()));
    }

    private static VerdictEvidence.Cohort cohort(CohortSummary summary, LatencyPercentiles latency) {
        return new VerdictEvidence.Cohort(summary.samples(), finite(summary.value()), latency.p50(), latency.p95(),
                latency.p99());
    }

    private static CohortSummary summary(VerdictEvidence.Cohort cohort) {
        return cohort == null ? CohortSummary.NONE : new CohortSummary(cohort.samples(), number(cohort.value()));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double number(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
