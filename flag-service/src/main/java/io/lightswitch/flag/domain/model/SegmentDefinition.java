package io.lightswitch.flag.domain.model;

import java.util.List;

/** A reusable, named set of conditions within a project. */
public record SegmentDefinition(String key, Match match, List<Condition> conditions) {
    public SegmentDefinition {
        match = match == null ? Match.ALL : match;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
