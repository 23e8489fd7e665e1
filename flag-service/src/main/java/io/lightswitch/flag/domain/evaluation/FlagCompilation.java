package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.FieldError;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import io.lightswitch.flag.domain.model.TargetingRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One compilation of one flag: compiles every part while collecting every invalid field, in the order
 * the fields appear in a flag body. When {@link #errors()} is not empty the result of {@link #run()} is
 * incomplete and must be discarded.
 */
final class FlagCompilation {

    private final FlagConfig flag;
    private final Map<String, SegmentDefinition> segmentsByKey;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, ConditionGroup> compiledSegments = new HashMap<>();
    private final Map<String, List<FieldError>> segmentErrors = new HashMap<>();

    FlagCompilation(FlagConfig flag, Map<String, SegmentDefinition> segmentsByKey) {
        this.flag = Objects.requireNonNull(flag, "flag");
        this.segmentsByKey = segmentsByKey == null ? Map.of() : segmentsByKey;
    }

    List<FieldError> errors() {
        return errors;
    }

    CompiledFlag run() {
        String key = flag.key() == null ? "" : flag.key();
        if (key.isBlank()) {
            errors.add(new FieldError("key", "is required"));
        }
        checkVariants();
        // a missing salt hashes like an empty one rather than failing every evaluation
        String salt = flag.salt() == null ? "" : flag.salt();
        ServeCompiler serves = new ServeCompiler(key, salt, flag.version(), flag.variants(), errors);

        EvaluationResult off = serves.result(flag.offVariant(), "offVariant", Reason.DISABLED);
        CompiledRule[] rules = compileRules(serves);
        boolean targets = !flag.rules().isEmpty() || !flag.overrides().isEmpty();
        CompiledServe defaultServe = serves.compile(flag.defaultServe(), "defaultServe",
                targets ? Reason.DEFAULT : Reason.STATIC);
        Map<String, EvaluationResult> overrides = compileOverrides(serves);
        return new CompiledFlag(key, flag.type(), flag.version(), flag.enabled() ? null : off, overrides, rules,
                defaultServe);
    }

    private void checkVariants() {
        FlagType type = flag.type();
        if (type == null) {
            errors.add(new FieldError("type", "is required"));
        }
        if (flag.variants().isEmpty()) {
            errors.add(new FieldError("variants", "needs at least one variant"));
        }
        for (Map.Entry<String, Object> variant : new TreeMap<>(flag.variants()).entrySet()) {
            if (type != null && !type.accepts(variant.getValue())) {
                errors.add(new FieldError("variants." + variant.getKey(),
                        "must be a value of the flag's type " + type.name().toLowerCase(Locale.ROOT)));
            }
        }
    }

    private CompiledRule[] compileRules(ServeCompiler serves) {
        List<TargetingRule> rules = flag.rules();
        CompiledRule[] compiled = new CompiledRule[rules.size()];
        for (int i = 0; i < compiled.length; i++) {
            TargetingRule rule = rules.get(i);
            String path = "rules[" + i + "]";
            ConditionGroup segment = rule.segment() == null ? null : segment(rule.segment(), path + ".segment");
            ConditionGroup conditions = rule.conditions().isEmpty() ? null
                    : ConditionCompiler.compileGroup(rule.match(), rule.conditions(), path + ".conditions", errors);
            compiled[i] = new CompiledRule(segment, conditions,
                    serves.compile(rule.serve(), path + ".serve", Reason.TARGETING_MATCH));
        }
        return compiled;
    }

    /** The segment compiled once however many rules use it; its problems are reported at {@code path}. */
    private ConditionGroup segment(String segmentKey, String path) {
        SegmentDefinition definition = segmentsByKey.get(segmentKey);
        if (definition == null) {
            errors.add(new FieldError(path, "unknown segment '" + segmentKey + "'"));
            return null;
        }
        if (!compiledSegments.containsKey(segmentKey)) {
            List<FieldError> problems = new ArrayList<>();
            compiledSegments.put(segmentKey, ConditionCompiler.compileGroup(definition.match(),
                    definition.conditions(), "conditions", problems));
            segmentErrors.put(segmentKey, problems);
        }
        for (FieldError problem : segmentErrors.get(segmentKey)) {
            errors.add(new FieldError(path, "segment '" + segmentKey + "' is invalid: " + problem.field() + " "
                    + problem.reason()));
        }
        return compiledSegments.get(segmentKey);
    }

    private Map<String, EvaluationResult> compileOverrides(ServeCompiler serves) {
        Map<String, EvaluationResult> overrides = new HashMap<>();
        for (Map.Entry<String, String> override : new TreeMap<>(flag.overrides()).entrySet()) {
            overrides.put(override.getKey(), serves.result(override.getValue(), "overrides." + override.getKey(),
                    Reason.TARGETING_MATCH));
        }
        return overrides;
    }
}
