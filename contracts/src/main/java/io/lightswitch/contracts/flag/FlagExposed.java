package io.lightswitch.contracts.flag;

import java.time.Instant;
import java.util.List;

/**
 * A batch of first sightings in one environment: each (flag, variant, context id) appears once per
 * deduplication window of the publishing replica, so consumers must treat records as idempotent.
 */
public record FlagExposed(String project, String environment, List<Exposure> exposures) {

    public record Exposure(String flagKey, String variant, String contextId, Instant firstSeen) {
    }
}
