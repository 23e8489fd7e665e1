package io.lightswitch.flag.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Shorthand for a progressive rollout: serve {@code variant} to each of {@code percentages} in turn, the
 * first at {@code startAt} and the next ones {@code every} apart; the rest of the users get the off variant.
 */
public record Rollout(String variant, List<Double> percentages, Instant startAt, Duration every) {
}
