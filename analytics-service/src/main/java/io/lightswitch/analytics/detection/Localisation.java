package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.verdict.Verdict;

import java.util.List;

/**
 * Where a flag's regression sits.
 *
 * @param slicesCompared      slices with enough data; the Bonferroni divisor
 * @param perSliceConfidence  1 - alpha / slicesCompared, the confidence each slice was judged at
 * @param degraded            DEGRADED slices, strongest evidence first
 * @param all                 every slice's verdict, in input order
 */
public record Localisation(int slicesCompared, double perSliceConfidence, List<Verdict> degraded,
                           List<Verdict> all) {
}
