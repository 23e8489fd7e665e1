package io.lightswitch.flag.domain.exposure;

import java.time.Instant;

public record PendingExposure(String projectKey, String environmentKey, String flagKey, String variant,
                              String contextId, Instant firstSeen) {
}
