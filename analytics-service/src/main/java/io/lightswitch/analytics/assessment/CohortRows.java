package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Slice;

import java.time.Instant;
import java.util.List;

/**
 * Which series rows make up one side of a comparison, so its latency sketches can be merged.
 *
 * @param flagKey       '' for baseline rows (all traffic without flags)
 * @param slices        only these (service, operation) pairs, or every pair when empty
 * @param minResolution the finest resolution still kept for these ranges (past days are older than 10 s rows)
 */
record CohortRows(String flagKey, String variant, List<Slice> slices, List<Range> ranges, int minResolution) {

    record Range(Instant from, Instant to) {
    }

    static CohortRows cohort(FlagWindow window, String variant) {
        return new CohortRows(window.flagKey(), variant, List.of(), List.of(new Range(window.start(), window.end())),
                10);
    }
}
