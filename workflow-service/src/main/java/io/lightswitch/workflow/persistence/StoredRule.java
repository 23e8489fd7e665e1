package io.lightswitch.workflow.persistence;

import io.lightswitch.workflow.domain.rule.Rule;
import java.time.Instant;

/** A rule as stored: the domain rule plus its version (optimistic concurrency) and bookkeeping. */
public record StoredRule(Rule rule, boolean defaultGuard, long version, Instant createdAt, Instant updatedAt) {

    public String project() {
        return rule.scope().project();
    }

    public String environment() {
        return rule.scope().environment();
    }
}
