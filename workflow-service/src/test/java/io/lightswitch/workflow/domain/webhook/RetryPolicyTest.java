package io.lightswitch.workflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.workflow.domain.rule.Action;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void retriesTimeoutsThrottlingServerErrorsAndIoErrors() {
        assertThat(RetryPolicy.isRetryable(408)).isTrue();
        assertThat(RetryPolicy.isRetryable(429)).isTrue();
        assertThat(RetryPolicy.isRetryable(500)).isTrue();
        assertThat(RetryPolicy.isRetryable(503)).isTrue();
        assertThat(RetryPolicy.isRetryable(599)).isTrue();
        assertThat(RetryPolicy.isRetryable(null)).isTrue();
    }

    @Test
    void doesNotRetryOtherClientErrors() {
        for (int status : new int[] {400, 401, 403, 404, 409, 410, 413, 422}) {
            assertThat(RetryPolicy.isRetryable(status)).as("status %d", status).isFalse();
            assertThat(policy.nextDelay(1, status, 0.5)).as("status %d", status).isEmpty();
        }
    }

    @Test
    void stopsOnSuccessAndAfterTheLastAttempt() {
        assertThat(policy.nextDelay(1, 204, 0.5)).isEmpty();
        assertThat(policy.nextDelay(4, 503, 0.5)).isPresent();
        assertThat(policy.nextDelay(5, 503, 0.5)).isEmpty();
    }

    @Test
    void delayDoublesWithinEqualJitterBoundsUpToTheCap() {
        assertThat(policy.nextDelay(1, 503, 0.0)).contains(Duration.ofMillis(500));
        assertThat(policy.nextDelay(1, 503, 0.999999)).contains(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(2, null, 0.0)).contains(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(3, 429, 0.0)).contains(Duration.ofSeconds(2));
        assertThat(policy.nominalDelay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.nominalDelay(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.nominalDelay(60)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void takesAttemptsAndBackoffFromTheWebhookAction() {
        Action.CallWebhook webhook = new Action.CallWebhook("https://example.com", "POST", null, "{}", null, null,
                3, Duration.ofMillis(200));

        assertThat(RetryPolicy.of(webhook)).isEqualTo(
                new RetryPolicy(3, Duration.ofMillis(200), RetryPolicy.DEFAULT_MAX_BACKOFF));
    }
}
