package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;
import io.lightswitch.contracts.RoutingKeys;

import java.util.ArrayList;
import java.util.List;

/**
 * Which messages a verdict is worth: {@code impact.assessed} when the status changed (or on the first
 * look), {@code anomaly.detected} when it turned DEGRADED, and {@code impact.assessed} again while it stays
 * DEGRADED and its interval moves. Rules ask for more than "degraded" (e.g. at least 2 points above
 * control): the first degraded look often does not show that yet, the following ones do, and a rule only
 * sees what is published. Workflow keys incidents on the run ({@code since}), so repeats open nothing new.
 * Healthy and insufficient-data verdicts that hold, and a degraded one without new data, stay quiet.
 */
public final class PublicationPolicy {

    private PublicationPolicy() {
    }

    /** @param previous the last published verdict for the same subject and metric, or null */
    public static List<String> routingKeys(Verdict previous, Verdict current) {
        List<String> keys = new ArrayList<>(2);
        boolean changed = previous == null || previous.status() != current.status();
        boolean stillDegradedWithNewEvidence = !changed && current.status() == Status.DEGRADED
                && !previous.evidence().interval().equals(current.evidence().interval());
        if (changed || stillDegradedWithNewEvidence) {
            keys.add(RoutingKeys.IMPACT_ASSESSED);
        }
        if (changed && current.status() == Status.DEGRADED) {
            keys.add(RoutingKeys.ANOMALY_DETECTED);
        }
        return List.copyOf(keys);
    }
}
