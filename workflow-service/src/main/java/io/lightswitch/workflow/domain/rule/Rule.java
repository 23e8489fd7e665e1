package io.lightswitch.workflow.domain.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A workflow rule. Fields may be missing or wrong as received: {@code RuleValidator} says which, so nothing
 * here throws on bad input. {@code metric} is the rules-API key (see {@link Metric}); {@code metric} and
 * {@code condition} are only used by {@link Trigger#VERDICT} rules.
 *
 * @param minSamples units (requests, page views) the treatment needs before the rule may fire
 * @param cooldown   after an incident opens, how long the same rule stays quiet for the same subject
 * @param dryRun     open and record incidents, but run no action
 */
public record Rule(String id, String name, Scope scope, Trigger trigger, String metric, Condition condition,
                   long minSamples, Duration cooldown, boolean enabled, boolean dryRun, List<Action> actions) {

    public Rule {
        // nulls kept (the validator reports them) but the list itself is not shared with the caller
        actions = actions == null ? null : Collections.unmodifiableList(new ArrayList<>(actions));
    }
}
