package io.lightswitch.workflow.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultGuardRuleTest {

    @Test
    void disablesFlagsWhoseErrorRateIsTwoPointsAboveControlAtNinetyNinePercent() {
        Rule guard = DefaultGuardRule.forEnvironment("shop", "production");

        assertThat(guard.scope()).isEqualTo(new Scope("shop", "production", FlagSelector.all()));
        assertThat(guard.trigger()).isEqualTo(Trigger.VERDICT);
        assertThat(guard.metric()).isEqualTo("error_rate");
        assertThat(guard.condition()).isEqualTo(new Condition.IncreaseOverControl(2, IncreaseUnit.POINTS, 0.99));
        assertThat(guard.minSamples()).isEqualTo(100);
        assertThat(guard.cooldown()).isEqualTo(Duration.ofMinutes(30));
        assertThat(guard.enabled()).isTrue();
        assertThat(guard.dryRun()).isFalse();
        assertThat(guard.actions()).isEqualTo(List.of(new Action.DisableFlag()));
    }

    @Test
    void hasOneStableIdPerEnvironment() {
        assertThat(DefaultGuardRule.forEnvironment("shop", "production").id())
                .isEqualTo(DefaultGuardRule.forEnvironment("shop", "production").id())
                .isNotEqualTo(DefaultGuardRule.forEnvironment("shop", "staging").id())
                .isNotEqualTo(DefaultGuardRule.forEnvironment("shop-production", "").id());
    }
}
