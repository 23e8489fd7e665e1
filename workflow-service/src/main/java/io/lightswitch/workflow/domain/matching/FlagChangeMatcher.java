package io.lightswitch.workflow.domain.matching;

import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Trigger;
import java.util.Collection;

/**
 * Whether a flag-change rule fires on a {@link FlagChanged}: enabled and in scope. A project-level change
 * (no environment) reaches every environment, so it is sent to every environment's rules.
 */
public final class FlagChangeMatcher {

    private FlagChangeMatcher() {
    }

    public static Outcome evaluate(Rule rule, FlagChanged change, Collection<String> flagTags) {
        if (!rule.enabled()) {
            return Outcome.RULE_DISABLED;
        }
        if (rule.trigger() != Trigger.FLAG_CHANGE) {
            return Outcome.OTHER_TRIGGER;
        }
        if (rule.scope() == null
                || !rule.scope().covers(change.project(), change.environment(), change.flagKey(), flagTags)) {
            return Outcome.OUT_OF_SCOPE;
        }
        return Outcome.HOLDS;
    }

    public static boolean holds(Rule rule, FlagChanged change, Collection<String> flagTags) {
        return evaluate(rule, change, flagTags).holds();
    }
}
