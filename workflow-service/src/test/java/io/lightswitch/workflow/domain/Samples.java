package io.lightswitch.workflow.domain;

import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.GoldenSamples;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.analytics.VerdictEvidence;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.Condition;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import io.lightswitch.workflow.domain.rule.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Golden messages and small variations of them, so each test states only what it changes. */
public final class Samples {

    private Samples() {
    }

    /** shop/production dark-mode=on, error_rate degraded: +5.1 points, 99% CS [+3.2, +7.0], 600 vs 5400. */
    public static ImpactVerdict degradedVerdict() {
        return MessageCodec.payload(GoldenSamples.envelope("ImpactAssessed"), ImpactVerdict.class);
    }

    public static Envelope flagChangedEnvelope() {
        return GoldenSamples.envelope("FlagChanged");
    }

    public static FlagChanged flagChanged() {
        return MessageCodec.payload(flagChangedEnvelope(), FlagChanged.class);
    }

    public static ImpactVerdict withStatus(ImpactVerdict v, String status) {
        return new ImpactVerdict(v.project(), v.environment(), v.flagKey(), v.variant(), v.service(), v.operation(),
                v.metric(), status, v.previousStatus(), v.reason(), v.evidence(), v.assessedAt(), v.since(),
                v.sentence());
    }

    public static ImpactVerdict withEvidence(ImpactVerdict v, VerdictEvidence e) {
        return new ImpactVerdict(v.project(), v.environment(), v.flagKey(), v.variant(), v.service(), v.operation(),
                v.metric(), v.status(), v.previousStatus(), v.reason(), e, v.assessedAt(), v.since(), v.sentence());
    }

    public static ImpactVerdict withMetric(ImpactVerdict v, String metric) {
        return new ImpactVerdict(v.project(), v.environment(), v.flagKey(), v.variant(), v.service(), v.operation(),
                metric, v.status(), v.previousStatus(), v.reason(), v.evidence(), v.assessedAt(), v.since(),
                v.sentence());
    }

    public static ImpactVerdict withSlice(ImpactVerdict v, String service, String operation) {
        return new ImpactVerdict(v.project(), v.environment(), v.flagKey(), v.variant(), service, operation,
                v.metric(), v.status(), v.previousStatus(), v.reason(), v.evidence(), v.assessedAt(), v.since(),
                v.sentence());
    }

    public static ImpactVerdict withTimes(ImpactVerdict v, Instant assessedAt, Instant since) {
        return new ImpactVerdict(v.project(), v.environment(), v.flagKey(), v.variant(), v.service(), v.operation(),
                v.metric(), v.status(), v.previousStatus(), v.reason(), v.evidence(), assessedAt, since,
                v.sentence());
    }

    public static VerdictEvidence evidence(String comparison, String scale, long treatmentSamples,
                                           Double treatmentValue, Double controlValue, Double intervalLower,
                                           double confidence) {
        return new VerdictEvidence(comparison, new VerdictEvidence.Cohort(treatmentSamples, treatmentValue),
                new VerdictEvidence.Cohort(5400, controlValue), scale, null, null, intervalLower, null, confidence,
                null);
    }

    public static Rule verdictRule(String id, String metric, Condition condition) {
        return new Rule(id, "rule " + id, new Scope("shop", "production", FlagSelector.all()), Trigger.VERDICT,
                metric, condition, 100, Duration.ofMinutes(30), true, false, List.of(new Action.DisableFlag()));
    }

    public static Rule flagChangeRule(String id, Scope scope, Action.CallWebhook webhook) {
        return new Rule(id, "changes " + id, scope, Trigger.FLAG_CHANGE, null, null, 0, Duration.ZERO, true, false,
                List.of(webhook));
    }

    public static String fixture(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
