package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Slice;

import java.util.List;

/**
 * Baseline rows (flag_key '') of the (service, operation) pairs a toggled flag's traffic runs on: the same
 * clock window on each past day, and the window just before the change.
 *
 * @param pastDays one entry per past day, most recent first, empty totals for days without data
 */
record ToggleHistory(List<Slice> slices, List<Totals> pastDays, List<CohortRows.Range> pastDayRanges,
                     Totals preceding, CohortRows.Range precedingRange) {

    static final int PAST_DAY_RESOLUTION = 60;

    CohortRows pastDayRows() {
        return new CohortRows("", "", slices, pastDayRanges, PAST_DAY_RESOLUTION);
    }

    CohortRows precedingRows() {
        return new CohortRows("", "", slices, List.of(precedingRange), 10);
    }
}
