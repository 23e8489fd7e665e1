package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.verdict.Status;
import io.lightswitch.analytics.detection.verdict.Verdict;
import io.lightswitch.contracts.RoutingKeys;

import java.util.ArrayList;
import java.util.List;

/**
 * Which messages a verdict is worth: {@code impact.assessed} when the status changed (or on the first
 * look), {@code anomaly.detected} when it turned DEGRADED. Repeating an unchanged verdict every 10 s would
 * only be noise for workflow rules, which act once per incident.
 */
public final class PublicationPolicy {

    private PublicationPolicy() {
    }

    /** @param previous the last published verdict for the same subject and metric, or null */
    public static List<String> routingKeys(Verdict previous, Verdict current) {
        List<String> keys = new ArrayList<>(2);
        boolean changed = previous == null || previous.status() != current.status();
        if (changed) {
            keys.add(RoutingKeys.IMPACT_ASSESSED);
        }
        if (changed && current.status() == Status.DEGRADED) {
            keys.add(RoutingKeys.ANOMALY_DETECTED);
        }
        return List.copyOf(keys);
    }
}
