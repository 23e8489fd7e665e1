package io.lightswitch.ingest.domain;

import java.util.List;
import java.util.Map;

/**
 * What a request turned into: the accepted items grouped by the environment they belong to, and how many
 * items were dropped, with the reason of the first one (OTLP partial success carries one message).
 */
public record Normalized<T>(Map<Attribution, List<T>> accepted, int received, int rejected, String firstRejection) {

    public int acceptedCount() {
        return accepted.values().stream().mapToInt(List::size).sum();
    }
}
