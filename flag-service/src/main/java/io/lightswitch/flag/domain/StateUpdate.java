package io.lightswitch.flag.domain;

import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.TargetingRule;
import java.util.List;
import java.util.Map;

/** A whole new state for a flag in one environment; null fields keep their current value. */
public record StateUpdate(Boolean enabled, String offVariant, List<TargetingRule> rules, Serve defaultServe,
                          Map<String, String> overrides) {
}
