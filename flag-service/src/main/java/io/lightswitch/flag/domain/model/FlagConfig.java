package io.lightswitch.flag.domain.model;

import java.util.List;
import java.util.Map;

/**
 * Everything evaluation needs about one flag in one environment: the project-level definition (key,
 * type, variants, salt) merged with the environment's state (kill switch, rules, default, overrides).
 * Variant values are JSON-decoded objects: Boolean, String, Number, Map or List.
 */
public record FlagConfig(
        String key,
        FlagType type,
        Map<String, Object> variants,
        String salt,
        long version,
        boolean enabled,
        String offVariant,
        List<TargetingRule> rules,
        Serve defaultServe,
        Map<String, String> overrides) {

    public FlagConfig {
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        rules = rules == null ? List.of() : List.copyOf(rules);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }
}
