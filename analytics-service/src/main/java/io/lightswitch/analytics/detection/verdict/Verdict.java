package io.lightswitch.analytics.detection.verdict;

import io.lightswitch.analytics.detection.Metric;
import io.lightswitch.analytics.detection.Subject;

import java.time.Instant;

/**
 * The outcome of one look for one flag variant, metric and slice.
 *
 * @param since    first look of the current run of this status; carried over from the previous verdict
 * @param sentence the whole verdict in one line for people
 */
public record Verdict(Subject subject, Metric metric, Status status, Reason reason, Evidence evidence,
                      Instant assessedAt, Instant since, String sentence) {
}
