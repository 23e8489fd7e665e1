package io.lightswitch.workflow.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CooldownPolicyTest {

    private static final Instant LAST = Instant.parse("2026-11-26T09:00:00Z");
    private final CooldownPolicy thirtyMinutes = new CooldownPolicy(Duration.ofMinutes(30));

    @Test
    void firstIncidentMayAlwaysOpen() {
        assertThat(thirtyMinutes.mayOpen(null, LAST)).isTrue();
    }

    @Test
    void staysQuietUntilTheCooldownHasPassed() {
        assertThat(thirtyMinutes.mayOpen(LAST, LAST.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(thirtyMinutes.mayOpen(LAST, LAST.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(thirtyMinutes.quietUntil(LAST)).isEqualTo(Instant.parse("2026-11-26T09:30:00Z"));
    }

    @Test
    void lateVerdictOlderThanTheLastIncidentDoesNotOpenOne() {
        assertThat(thirtyMinutes.mayOpen(LAST, LAST.minus(Duration.ofHours(2)))).isFalse();
    }

    @Test
    void zeroCooldownNeverBlocksALaterIncident() {
        assertThat(new CooldownPolicy(Duration.ZERO).mayOpen(LAST, LAST)).isTrue();
    }

    @Test
    void negativeCooldownIsRefused() {
        assertThatThrownBy(() -> new CooldownPolicy(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
