package io.lightswitch.workflow.domain.incident;

import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.workflow.domain.rule.Rule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic incident ids, so every copy of the same evidence maps to one incident: a redelivered message,
 * the {@code impact.assessed} and {@code anomaly.detected} analytics publishes for the same turn, or either of
 * two replicas.
 *
 * <p>The opening window is the verdict's {@code since}: analytics sets it at the first assessment where the
 * current status held and keeps it while that status holds, so every message about one degradation carries the
 * same instant, and a new degradation after a recovery carries a new one.
 *
 * <p>Ids are name-based UUIDs (version 3) over length-prefixed fields, so no field value can shift into
 * another ("a|b" + "c" never equals "a" + "b|c").
 */
public final class IncidentKey {

    private IncidentKey() {
    }

    public static UUID forVerdict(Rule rule, ImpactVerdict verdict) {
        return of(rule.id(), IncidentSubject.of(verdict), verdict.since());
    }

    public static UUID of(String ruleId, IncidentSubject subject, Instant window) {
        return uuid("incident/v1", ruleId, subject.project(), subject.environment(), subject.flagKey(),
                subject.variant(), subject.metric(), window == null ? null : window.toString());
    }

    /**
     * One delivery per flag-change rule and message: the FlagChanged envelope id is its idempotency key, and
     * provider changes arriving through ingest carry ids of their own.
     */
    public static UUID forFlagChange(String ruleId, UUID envelopeId) {
        return uuid("flag-change/v1", ruleId, envelopeId.toString());
    }

    static UUID uuid(String... fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String field : fields) {
            if (field == null) {
                bytes.writeBytes("-1:".getBytes(StandardCharsets.UTF_8));
                continue;
            }
            byte[] value = field.getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes((value.length + ":").getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(value);
        }
        return UUID.nameUUIDFromBytes(bytes.toByteArray());
    }
}
