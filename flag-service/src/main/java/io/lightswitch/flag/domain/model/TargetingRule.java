package io.lightswitch.flag.domain.model;

import java.util.List;

/**
 * An ordered targeting rule: it matches when the referenced segment (if any) matches and its inline
 * conditions (if any) match according to {@code match}; a rule with neither matches everyone.
 */
public record TargetingRule(String id, String segment, Match match, List<Condition> conditions, Serve serve) {
    public TargetingRule {
        match = match == null ? Match.ALL : match;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
