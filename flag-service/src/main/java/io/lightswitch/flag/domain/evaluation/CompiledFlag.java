package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.model.FlagType;
import java.util.Map;

/**
 * A flag compiled by {@link FlagCompiler}, immutable and safe to share between threads. Evaluation
 * allocates nothing beyond what reading attributes needs: every possible result is built at compile time.
 */
public final class CompiledFlag {

    private final String key;
    private final FlagType type;
    private final long version;
    private final EvaluationResult disabled;
    private final Map<String, EvaluationResult> overrides;
    private final CompiledRule[] rules;
    private final CompiledServe defaultServe;

    /** {@code disabled} is the off-variant result of a switched-off flag, null for an enabled one. */
    CompiledFlag(String key, FlagType type, long version, EvaluationResult disabled,
                 Map<String, EvaluationResult> overrides, CompiledRule[] rules, CompiledServe defaultServe) {
        this.key = key;
        this.type = type;
        this.version = version;
        this.disabled = disabled;
        this.overrides = overrides;
        this.rules = rules;
        this.defaultServe = defaultServe;
    }

    /**
     * The switched-off variant if the flag is off; else the override for the targeting key; else what the
     * first matching rule serves; else the default. A split without a targeting key yields the error
     * {@link ErrorCode#TARGETING_KEY_MISSING}.
     */
    public EvaluationResult evaluate(EvaluationContext context) {
        if (disabled != null) {
            return disabled;
        }
        String targetingKey = context.targetingKey();
        if (targetingKey != null && !overrides.isEmpty()) {
            EvaluationResult overridden = overrides.get(targetingKey);
            if (overridden != null) {
                return overridden;
            }
        }
        for (CompiledRule rule : rules) {
            if (rule.matches(context)) {
                return rule.serve().serve(targetingKey);
            }
        }
        return defaultServe.serve(targetingKey);
    }

    public String key() {
        return key;
    }

    public FlagType type() {
        return type;
    }

    public long version() {
        return version;
    }
}
