package io.lightswitch.workflow.domain.incident;

import io.lightswitch.contracts.analytics.ImpactVerdict;

/**
 * What an incident is about: one variant of a flag on one metric. The verdict's slice (service, operation)
 * is evidence, not identity: the actions act on the whole flag, so two slices degrading together are one
 * incident and run the actions once.
 */
public record IncidentSubject(String project, String environment, String flagKey, String variant, String metric) {

    public static IncidentSubject of(ImpactVerdict verdict) {
        return new IncidentSubject(verdict.project(), verdict.environment(), verdict.flagKey(), verdict.variant(),
                verdict.metric());
    }
}
