package io.lightswitch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightBudgetTest {

    @Test
    void refusesWhatWouldPassTheCapacityUntilSomethingIsReleased() {
        InFlightBudget budget = new InFlightBudget(100);

        assertThat(budget.tryAcquire(60)).isTrue();
        assertThat(budget.tryAcquire(50)).isFalse();
        assertThat(budget.tryAcquire(40)).isTrue();
        budget.release(60);
        assertThat(budget.tryAcquire(50)).isTrue();
        assertThat(budget.used()).isEqualTo(90);
    }

    @Test
    void admitsARequestLargerThanTheCapacityWhenNothingIsInFlight() {
        InFlightBudget budget = new InFlightBudget(100);

        assertThat(budget.tryAcquire(500)).isTrue();
        assertThat(budget.tryAcquire(1)).isFalse();
    }
}
