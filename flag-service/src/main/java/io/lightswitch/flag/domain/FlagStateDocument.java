package io.lightswitch.flag.domain;

import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.TargetingRule;
import java.util.List;
import java.util.Map;

/**
 * A flag's state in one environment as the API shows it and as events carry it in before/after.
 */
public record FlagStateDocument(
        String environment,
        boolean enabled,
        String offVariant,
        List<TargetingRule> rules,
        Serve defaultServe,
        Map<String, String> overrides,
        long version) {
}
