package io.lightswitch.contracts.ingest;

import java.util.List;

/**
 * Normalised spans of one environment, as ingest-service received them in one request (or a part of
 * one, when a request is larger than a message should be).
 */
public record SpanBatch(String project, String environment, List<NormalizedSpan> spans) {
}
