package io.lightswitch.flag.domain.serving;

import io.lightswitch.flag.domain.access.CredentialKind;
import io.lightswitch.flag.domain.access.Principal;
import io.lightswitch.flag.domain.evaluation.ErrorCode;
import io.lightswitch.flag.domain.evaluation.EvaluationContext;
import io.lightswitch.flag.domain.evaluation.EvaluationResult;
import io.lightswitch.flag.domain.evaluation.Reason;
import io.lightswitch.flag.domain.exposure.ExposureRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates flags for an environment key from the in-memory snapshot: no database on this path.
 * A client key sees only client-visible flags; every other flag does not exist for it.
 */
@ApplicationScoped
public class EvaluationService {

    private final SnapshotStore store;
    private final ExposureRecorder exposures;
    private final MeterRegistry registry;
    private final Map<CounterKey, Counter> evaluationCounters = new ConcurrentHashMap<>();

    private record CounterKey(java.util.UUID environmentId, String flagKey, String variant, Reason reason) {
    }

    public EvaluationService(SnapshotStore store, ExposureRecorder exposures, MeterRegistry registry) {
        this.store = store;
        this.exposures = exposures;
        this.registry = registry;
    }

    public EvaluationResult evaluate(Principal principal, String flagKey, EvaluationContext context) {
        EnvironmentSnapshot snapshot = store.environment(principal.environmentId());
        ServedFlag flag = snapshot == null ? null : snapshot.flag(flagKey);
        if (flag == null || !visible(principal, flag)) {
            return EvaluationResult.error(flagKey, ErrorCode.FLAG_NOT_FOUND,
                    "flag '" + flagKey + "' does not exist in this environment");
        }
        return evaluate(snapshot, flag, context);
    }

    /** Every flag the key may see, in key order. */
    public List<EvaluationResult> evaluateAll(Principal principal, EvaluationContext context) {
        EnvironmentSnapshot snapshot = store.environment(principal.environmentId());
        if (snapshot == null) {
            return List.of();
        }
        List<EvaluationResult> results = new ArrayList<>(snapshot.flags().size());
        snapshot.flags().values().stream()
                .filter(flag -> visible(principal, flag))
                .sorted(java.util.Comparator.comparing(ServedFlag::key))
                .forEach(flag -> results.add(evaluate(snapshot, flag, context)));
        return results;
    }

    private EvaluationResult evaluate(EnvironmentSnapshot snapshot, ServedFlag flag, EvaluationContext context) {
        if (flag.compiled() == null) {
            return EvaluationResult.error(flag.key(), ErrorCode.GENERAL, flag.problem(), flag.version());
        }
        EvaluationResult result = flag.compiled().evaluate(context);
        count(snapshot, flag.key(), result);
        if (!result.isError()) {
            exposures.record(snapshot, flag.key(), result.variant(), context.targetingKey());
        }
        return result;
    }

    private void count(EnvironmentSnapshot snapshot, String flagKey, EvaluationResult result) {
        String variant = result.variant() == null ? "" : result.variant();
        CounterKey key = new CounterKey(snapshot.environmentId(), flagKey, variant, result.reason());
        Counter counter = evaluationCounters.get(key);
        if (counter == null) {
            counter = evaluationCounters.computeIfAbsent(key, k -> register(snapshot, k));
        }
        counter.increment();
    }

    private Counter register(EnvironmentSnapshot snapshot, CounterKey key) {
        return Counter.builder("lightswitch.evaluations")
                .description("Flag evaluations by flag, variant and reason")
                .tag("project", snapshot.projectKey())
                .tag("environment", snapshot.environmentKey())
                .tag("flag", key.flagKey())
                .tag("variant", key.variant())
                .tag("reason", key.reason().name())
                .register(registry);
    }

    private static boolean visible(Principal principal, ServedFlag flag) {
        return principal.kind() != CredentialKind.CLIENT || flag.clientVisible();
    }
}
