package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When several flags changed in the same window, orders them by how strongly their cohort contrasts point
 * at harm: first every contrast whose effect goes the bad way, by e-value (the mixture likelihood ratio
 * against no effect), largest first; then those going the good way, weakest first; then those without data.
 */
public final class FlagRanker {

    /** Most suspicious first. */
    public static final Comparator<Verdict> BY_HARM = Comparator
            .comparingInt(FlagRanker::tier)
            .thenComparingDouble(v -> tier(v) == 0 ? -v.evidence().logEValue() : v.evidence().logEValue());

    private FlagRanker() {
    }

    /** One entry per flag, its most suspicious contrast (any variant, metric or slice), most suspicious flag first. */
    public static List<Verdict> rank(Collection<Verdict> verdicts) {
        Map<String, Verdict> strongest = new LinkedHashMap<>();
        verdicts.stream().sorted(BY_HARM).forEach(v -> strongest.putIfAbsent(v.subject().flagKey(), v));
        return List.copyOf(strongest.values());
    }

    private static int tier(Verdict verdict) {
        if (verdict.status() == Status.INSUFFICIENT_DATA || Double.isNaN(verdict.evidence().logEValue())) {
            return 2;
        }
        return verdict.evidence().effect() * verdict.metric().direction().harmSign() >= 0 ? 0 : 1;
    }
}
