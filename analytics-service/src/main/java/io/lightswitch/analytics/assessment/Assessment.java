package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Slice;
import io.lightswitch.analytics.detection.verdict.Verdict;

/**
 * One verdict of a pass with what storing and publishing it needs.
 *
 * @param previous    the stored verdict for the same subject and metric, or null on the first look
 * @param localisedTo for a DEGRADED all-traffic verdict, the slice with the strongest degradation, else null
 * @param sentence    the verdict's sentence, naming {@code localisedTo} when there is one
 * @param treatment   rows of the treatment cohort, for latency percentiles; null for slice verdicts
 * @param control     rows of the control cohort or the baseline; null when there is none
 */
record Assessment(FlagWindow window, Verdict verdict, StoredVerdict previous, Slice localisedTo, String sentence,
                  CohortRows treatment, CohortRows control) {

    boolean allTraffic() {
        return verdict.subject().slice().isAll();
    }

    boolean statusChanged() {
        return previous == null || previous.verdict().status() != verdict.status();
    }

    /** The status before the current run of statuses: kept while the status holds. */
    String previousStatus() {
        if (previous == null) {
            return null;
        }
        return statusChanged() ? VerdictMapping.status(previous.verdict().status()) : previous.previousStatus();
    }
}
