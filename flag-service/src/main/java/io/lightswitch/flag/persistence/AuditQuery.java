package io.lightswitch.flag.persistence;

import java.time.Instant;

public record AuditQuery(
        String projectKey, String entityType, String entityKey, String environmentKey, String actorId,
        Instant from, Instant to, int offset, int limit) {
}
