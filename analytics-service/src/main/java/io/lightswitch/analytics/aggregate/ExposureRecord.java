package io.lightswitch.analytics.aggregate;

import java.time.Instant;

/** A context (user or session id) seen with a flag variant. */
public record ExposureRecord(String project, String environment, String contextId, String flagKey, String variant,
                             Instant at) {
}
