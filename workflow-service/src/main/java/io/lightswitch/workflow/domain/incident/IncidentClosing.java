package io.lightswitch.workflow.domain.incident;

import io.lightswitch.contracts.analytics.ImpactVerdict;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import java.util.Objects;

/**
 * When an open incident closes: flag-service confirms the rule's command (a FlagChanged on the same flag and
 * environment whose actor is the rule), or the metric recovers (a later verdict on the same subject turns
 * healthy or improved; insufficient data is not a recovery).
 *
 * <p>The slice is evidence, not identity ({@link IncidentSubject}): analytics names the service and operation
 * a degradation is localised to, but publishes the recovery for all traffic, with neither. Requiring the
 * same slice would keep such an incident open for ever.
 */
public final class IncidentClosing {

    private IncidentClosing() {
    }

    public static boolean confirmedBy(String ruleId, IncidentSubject subject, FlagChanged change) {
        Actor actor = change.actor();
        return actor != null && Actor.RULE.equals(actor.kind()) && Objects.equals(ruleId, actor.id())
                && Objects.equals(subject.project(), change.project())
                && Objects.equals(subject.environment(), change.environment())
                && Objects.equals(subject.flagKey(), change.flagKey());
    }

    /** @param opening the verdict the incident opened on */
    public static boolean recoveredBy(ImpactVerdict opening, ImpactVerdict later) {
        boolean recovered = ImpactVerdict.HEALTHY.equals(later.status())
                || ImpactVerdict.IMPROVED.equals(later.status());
        return recovered && IncidentSubject.of(opening).equals(IncidentSubject.of(later))
                && (later.assessedAt() == null || opening.assessedAt() == null
                    || later.assessedAt().isAfter(opening.assessedAt()));
    }
}
