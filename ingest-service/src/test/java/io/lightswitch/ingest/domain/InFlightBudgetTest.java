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

    @Test
    void aLeaseGrowsWithinTheBudgetAndReleasesEverythingItHeldOnce() {
        InFlightBudget budget = new InFlightBudget(100);
        InFlightBudget.Lease first = budget.lease(30);
        InFlightBudget.Lease second = budget.lease(30);

        assertThat(first.grow(30)).isTrue();
        assertThat(second.grow(20)).isFalse();
        assertThat(budget.lease(20)).isNull();
        assertThat(budget.used()).isEqualTo(90);

        first.close();
        first.close();
        assertThat(budget.used()).isEqualTo(30);
        assertThat(first.grow(1)).isFalse();
        second.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void aLeaseAloneInFlightMayGrowPastTheCapacity() {
        InFlightBudget budget = new InFlightBudget(100);
        InFlightBudget.Lease lease = budget.lease(80);

        assertThat(lease.grow(400)).isTrue();
        assertThat(lease.held()).isEqualTo(480);
        assertThat(budget.lease(1)).isNull();
        lease.close();
        assertThat(budget.used()).isZero();
    }
}
