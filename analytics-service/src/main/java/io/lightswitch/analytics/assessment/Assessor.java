package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Baseline;
import io.lightswitch.analytics.detection.BaselineLearner;
import io.lightswitch.analytics.detection.CohortContrast;
import io.lightswitch.analytics.detection.CohortDetector;
import io.lightswitch.analytics.detection.DetectionConfig;
import io.lightswitch.analytics.detection.Localisation;
import io.lightswitch.analytics.detection.Localiser;
import io.lightswitch.analytics.detection.Metric;
import io.lightswitch.analytics.detection.Slice;
import io.lightswitch.analytics.detection.Subject;
import io.lightswitch.analytics.detection.ToggleContrast;
import io.lightswitch.analytics.detection.ToggleDetector;
import io.lightswitch.analytics.detection.sample.MetricSample;
import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one flag's window into verdicts with the detection core: cohort contrasts (and their localisation)
 * for a partial rollout, before/after contrasts for a full toggle. No I/O, so it is tested without Quarkus.
 */
final class Assessor {

    private static final Comparator<Slice> SLICE_ORDER = Comparator.comparing(Slice::service)
            .thenComparing(Slice::operation);

    private final CohortDetector cohorts;
    private final ToggleDetector toggles;
    private final BaselineLearner learner;
    private final Localiser localiser;

    Assessor(DetectionConfig config) {
        this.cohorts = new CohortDetector(config);
        this.toggles = new ToggleDetector(config);
        this.learner = new BaselineLearner(config);
        this.localiser = new Localiser(config);
    }

    List<Assessment> rollout(FlagData data, Plan.Rollout plan, Map<VerdictKey, StoredVerdict> previous, Instant at) {
        FlagWindow window = data.window();
        Totals control = data.variant(plan.control());
        List<Assessment> assessments = new ArrayList<>();
        for (String variant : plan.treatments()) {
            Totals treatment = data.variant(variant);
            Set<String> keys = new LinkedHashSet<>(treatment.metricKeys());
            keys.addAll(control.metricKeys());
            Subject subject = Subject.of(window.flagKey(), variant);
            for (String key : keys) {
                Metric metric = Metrics.byKey(key);
                StoredVerdict before = previous.get(new VerdictKey(subject, key));
                Verdict overall = cohorts.assess(new CohortContrast(subject, metric, treatment.sample(metric),
                        control.sample(metric)), at, before == null ? null : before.verdict());
                Verdict strongestSlice = null;
                if (Metrics.localised(key)) {
                    Optional<Localisation> localisation = localise(data, plan.control(), subject, metric, previous, at);
                    if (localisation.isPresent()) {
                        for (Verdict slice : localisation.get().all()) {
                            assessments.add(new Assessment(window, slice,
                                    previous.get(new VerdictKey(slice.subject(), key)), null, slice.sentence(), null,
                                    null));
                        }
                        if (overall.status() == Status.DEGRADED && !localisation.get().degraded().isEmpty()) {
                            strongestSlice = localisation.get().degraded().get(0);
                        }
                    }
                }
                assessments.add(new Assessment(window, overall, before,
                        strongestSlice == null ? null : strongestSlice.subject().slice(),
                        strongestSlice == null ? overall.sentence() : localisedSentence(overall, strongestSlice),
                        CohortRows.cohort(window, variant), CohortRows.cohort(window, plan.control())));
            }
        }
        return assessments;
    }

    List<Assessment> toggle(FlagData data, Plan.Toggle plan, ToggleHistory history,
                            Map<VerdictKey, StoredVerdict> previous, Instant at) {
        FlagWindow window = data.window();
        Totals after = data.variant(plan.variant());
        Subject subject = Subject.of(window.flagKey(), plan.variant());
        List<Assessment> assessments = new ArrayList<>();
        for (String key : after.metricKeys()) {
            Metric metric = Metrics.byKey(key);
            List<MetricSample> days = history.pastDays().stream().map(day -> day.sample(metric)).toList();
            Optional<Baseline> baseline = learner.learn(metric, days, history.preceding().sample(metric));
            StoredVerdict before = previous.get(new VerdictKey(subject, key));
            Verdict verdict = toggles.assess(new ToggleContrast(subject, metric, baseline.orElse(null),
                    after.sample(metric)), at, before == null ? null : before.verdict());
            CohortRows baselineRows = baseline.map(b -> b.basis() == Baseline.Basis.TIME_OF_DAY
                    ? history.pastDayRows() : history.precedingRows()).orElse(null);
            assessments.add(new Assessment(window, verdict, before, null, verdict.sentence(),
                    CohortRows.cohort(window, plan.variant()), baselineRows));
        }
        return assessments;
    }

    /** The same contrast per (service, operation) the treatment has data on; empty when it has none. */
    private Optional<Localisation> localise(FlagData data, String control, Subject subject, Metric metric,
                                            Map<VerdictKey, StoredVerdict> previous, Instant at) {
        Map<Slice, Totals> controlSlices = data.slices(control);
        List<CohortContrast> contrasts = data.slices(subject.variant()).entrySet().stream()
                .filter(e -> e.getValue().sample(metric).n() > 0)
                .sorted(Map.Entry.comparingByKey(SLICE_ORDER))
                .map(e -> new CohortContrast(subject.in(e.getKey()), metric, e.getValue().sample(metric),
                        controlSlices.getOrDefault(e.getKey(), Totals.EMPTY).sample(metric)))
                .toList();
        if (contrasts.isEmpty()) {
            return Optional.empty();
        }
        Map<Subject, Verdict> earlier = new HashMap<>();
        for (CohortContrast contrast : contrasts) {
            StoredVerdict stored = previous.get(new VerdictKey(contrast.subject(), metric.key()));
            if (stored != null) {
                earlier.put(contrast.subject(), stored.verdict());
            }
        }
        return Optional.of(localiser.localise(contrasts, at, earlier));
    }

    /**
     * "errors up on checkout-service POST /pay for dark-mode=on: (the slice's numbers); all traffic: (the
     * verdict's numbers)": where the regression sits first, then the numbers the verdict's evidence carries.
     */
    static String localisedSentence(Verdict overall, Verdict slice) {
        String prefix = overall.metric().label() + (overall.evidence().effect() >= 0 ? " up" : " down") + " for "
                + overall.subject().cohort() + ": ";
        String numbers = overall.sentence().startsWith(prefix)
                ? overall.sentence().substring(prefix.length())
                : overall.sentence();
        return slice.sentence() + "; all traffic: " + numbers;
    }
}
