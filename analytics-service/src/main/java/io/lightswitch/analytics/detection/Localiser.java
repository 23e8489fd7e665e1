package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs the cohort contrast per (service, operation) slice and reports the slices that carry a regression.
 * Looking at k slices gives k chances of a false alarm, so each slice is judged at alpha / k (Bonferroni),
 * k counting the slices with enough data to be judged at all.
 */
public final class Localiser {

    private final DetectionConfig config;
    private final CohortDetector detector;

    public Localiser(DetectionConfig config) {
        this.config = config;
        this.detector = new CohortDetector(config);
    }

    /**
     * @param perSlice contrasts of one flag variant and metric, one per slice
     * @param previous last verdicts by subject (whose slice differs per entry), for {@code since}; may be empty
     */
    public Localisation localise(List<CohortContrast> perSlice, Instant at, Map<Subject, Verdict> previous) {
        int judgeable = (int) perSlice.stream().filter(c -> detector.missingData(c).isEmpty()).count();
        int k = Math.max(1, judgeable);
        double confidence = 1 - config.alpha() / k;
        List<Verdict> all = perSlice.stream()
                .map(c -> detector.assess(c, at, previous.get(c.subject()), confidence))
                .toList();
        List<Verdict> degraded = all.stream()
                .filter(v -> v.status() == Status.DEGRADED)
                .sorted(Comparator.comparingDouble((Verdict v) -> v.evidence().logEValue()).reversed())
                .toList();
        return new Localisation(judgeable, confidence, degraded, all);
    }
}
