package io.lightswitch.workflow.domain.webhook;

import io.lightswitch.workflow.domain.rule.Action;
import java.time.Duration;
import java.util.Optional;

/**
 * When and after how long a failed webhook delivery is tried again. Retried: I/O errors (no status), 408,
 * 429 and every 5xx; other statuses say the request itself is wrong, and repeating it would not help.
 *
 * <p>The n-th retry waits a random time in [d/2, d] with d = initialBackoff * 2^(n-1), capped at
 * {@code maxBackoff} ("equal jitter"): replicas retrying the same receiver spread out, and no retry comes
 * sooner than half its nominal delay.
 *
 * @param maxAttempts every attempt, the first included
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);

    public RetryPolicy {
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and 0 <= initialBackoff <= maxBackoff");
        }
    }

    public static RetryPolicy of(Action.CallWebhook webhook) {
        return of(webhook.maxAttempts(), webhook.initialBackoff());
    }

    /** Backoff capped at {@link #DEFAULT_MAX_BACKOFF}, or at the initial backoff when that is longer. */
    public static RetryPolicy of(int maxAttempts, Duration initialBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff,
                initialBackoff.compareTo(DEFAULT_MAX_BACKOFF) > 0 ? initialBackoff : DEFAULT_MAX_BACKOFF);
    }

    /** @param status the HTTP status, or null when the attempt failed without one (connect, timeout, reset) */
    public static boolean isRetryable(Integer status) {
        return status == null || status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    /**
     * The wait before the next attempt, or empty when delivery is over (success, a final status, or no
     * attempts left).
     *
     * @param attemptsMade attempts so far, at least 1
     * @param status       the last attempt's status, or null for an I/O error
     * @param random       uniform in [0, 1), injected so the delay is testable
     */
    public Optional<Duration> nextDelay(int attemptsMade, Integer status, double random) {
        if ((status != null && isSuccess(status)) || !isRetryable(status) || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration nominal = nominalDelay(attemptsMade);
        long half = nominal.toMillis() / 2;
        return Optional.of(Duration.ofMillis(half + Math.round((nominal.toMillis() - half) * random)));
    }

    /** The upper jitter bound of the wait after {@code attemptsMade} attempts. */
    public Duration nominalDelay(int attemptsMade) {
        int doublings = Math.min(attemptsMade - 1, 30);
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
