package io.lightswitch.flag.domain.evaluation;

import io.lightswitch.flag.domain.model.Match;

/**
 * Conditions combined by ALL or ANY. An empty ALL group matches everyone and an empty ANY group no one,
 * which is what a segment means; rules skip their group when they have no inline conditions.
 */
final class ConditionGroup {

    private final boolean all;
    private final CompiledCondition[] conditions;

    ConditionGroup(Match match, CompiledCondition[] conditions) {
        this.all = match == Match.ALL;
        this.conditions = conditions;
    }

    boolean matches(EvaluationContext context) {
        // ALL is decided by the first condition that fails, ANY by the first that holds
        for (CompiledCondition condition : conditions) {
            if (condition.matches(context) != all) {
                return !all;
            }
        }
        return all;
    }
}
