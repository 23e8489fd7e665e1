package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Slice;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What storage holds for one flag in its window.
 *
 * @param variants per variant, all its traffic (services and pages summed)
 * @param slices   per variant, the same per (service, operation); RUM pages are slices of service 'browser'
 */
record FlagData(FlagWindow window, Map<String, Totals> variants, Map<String, Map<Slice, Totals>> slices) {

    /** Variants with requests or page views in the window, the busiest first (ties by name). */
    List<String> presentVariants() {
        return variants.entrySet().stream()
                .filter(e -> e.getValue().units() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, Totals> e) -> e.getValue().requests()).reversed()
                        .thenComparing(Comparator.comparingLong((Map.Entry<String, Totals> e) -> e.getValue().beacons())
                                .reversed())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();
    }

    Totals variant(String variant) {
        return variants.getOrDefault(variant, Totals.EMPTY);
    }

    Map<Slice, Totals> slices(String variant) {
        return slices.getOrDefault(variant, Map.of());
    }
}
