package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.model.Condition;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.domain.model.Match;
import io.lightswitch.flag.domain.model.Operator;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.TargetingRule;
import io.lightswitch.flag.domain.model.WeightedVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Terse builders for flag definitions in tests. */
final class Flags {

    static final Map<String, Object> ON_OFF = Map.of("on", true, "off", false);

    private Flags() {
    }

    /** An enabled boolean flag with variants "on"/"off", off variant "off" and the given targeting. */
    static FlagConfig booleanFlag(String key, List<TargetingRule> rules, Serve defaultServe, Map<String, String> overrides) {
        return new FlagConfig(key, FlagType.BOOLEAN, ON_OFF, "salt", 7L, true, "off", rules, defaultServe, overrides);
    }

    static FlagConfig splitFlag(String key, String salt, Serve defaultServe) {
        return new FlagConfig(key, FlagType.BOOLEAN, ON_OFF, salt, 1L, true, "off", List.of(), defaultServe, Map.of());
    }

    static FlagConfig disabled(FlagConfig flag) {
        return new FlagConfig(flag.key(), flag.type(), flag.variants(), flag.salt(), flag.version(), false,
                flag.offVariant(), flag.rules(), flag.defaultServe(), flag.overrides());
    }

    static CompiledFlag compile(FlagConfig flag) {
        return new FlagCompiler().compile(flag, Map.of());
    }

    static Condition when(String attribute, Operator operator, Object... values) {
        return new Condition(attribute, operator, List.of(values), false);
    }

    static Condition unless(String attribute, Operator operator, Object... values) {
        return new Condition(attribute, operator, List.of(values), true);
    }

    static TargetingRule rule(String id, Serve serve, Condition... conditions) {
        return new TargetingRule(id, null, Match.ALL, List.of(conditions), serve);
    }

    static TargetingRule anyRule(String id, Serve serve, Condition... conditions) {
        return new TargetingRule(id, null, Match.ANY, List.of(conditions), serve);
    }

    static TargetingRule segmentRule(String id, String segment, Serve serve) {
        return new TargetingRule(id, segment, Match.ALL, List.of(), serve);
    }

    /** A split from alternating variant names and percentages: split("on", 10, "off", 90). */
    static Serve split(Object... variantsAndWeights) {
        List<WeightedVariant> entries = new ArrayList<>();
        for (int i = 0; i < variantsAndWeights.length; i += 2) {
            entries.add(new WeightedVariant((String) variantsAndWeights[i], ((Number) variantsAndWeights[i + 1]).doubleValue()));
        }
        return Serve.split(entries);
    }

    static Serve on() {
        return Serve.variant("on");
    }

    static Serve off() {
        return Serve.variant("off");
    }
}
