package io.lightswitch.workflow.domain.matching;

import static io.lightswitch.workflow.domain.Samples.flagChangeRule;
import static io.lightswitch.workflow.domain.Samples.flagChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.workflow.domain.rule.Action;
import io.lightswitch.workflow.domain.rule.DefaultGuardRule;
import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagChangeMatcherTest {

    private static final Action.CallWebhook CHAT = Action.CallWebhook.post("https://chat.example.com/hook",
            "{\"text\": \"{{change.flagKey}}\"}");

    @Test
    void everyProductionChangeReachesAnAllFlagsRule() {
        Rule production = flagChangeRule("c1", new Scope("shop", "production", FlagSelector.all()), CHAT);

        assertThat(FlagChangeMatcher.evaluate(production, flagChanged(), Set.of())).isEqualTo(Outcome.HOLDS);
    }

    @Test
    void changesInOtherEnvironmentsOrFlagsAreOutOfScope() {
        Rule staging = flagChangeRule("c2", new Scope("shop", "staging", FlagSelector.all()), CHAT);
        Rule otherFlag = flagChangeRule("c3", new Scope("shop", "production", FlagSelector.key("search-v2")), CHAT);

        assertThat(FlagChangeMatcher.evaluate(staging, flagChanged(), Set.of())).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(FlagChangeMatcher.evaluate(otherFlag, flagChanged(), Set.of())).isEqualTo(Outcome.OUT_OF_SCOPE);
    }

    @Test
    void projectLevelChangeReachesEveryEnvironmentsRules() {
        FlagChanged golden = flagChanged();
        FlagChanged renamed = new FlagChanged(golden.project(), null, golden.flagKey(), 5, "updated",
                golden.actor(), "renamed", null, null);
        Rule staging = flagChangeRule("c4", new Scope("shop", "staging", FlagSelector.all()), CHAT);

        assertThat(FlagChangeMatcher.holds(staging, renamed, Set.of())).isTrue();
    }

    @Test
    void tagScopedRuleNeedsTheFlagsTag() {
        Rule tagged = flagChangeRule("c5", new Scope("shop", "production", FlagSelector.tag("checkout")), CHAT);

        assertThat(FlagChangeMatcher.holds(tagged, flagChanged(), Set.of("checkout"))).isTrue();
        assertThat(FlagChangeMatcher.holds(tagged, flagChanged(), Set.of("ui"))).isFalse();
    }

    @Test
    void verdictRulesIgnoreFlagChanges() {
        assertThat(FlagChangeMatcher.evaluate(DefaultGuardRule.forEnvironment("shop", "production"), flagChanged(),
                Set.of())).isEqualTo(Outcome.OTHER_TRIGGER);
    }
}
