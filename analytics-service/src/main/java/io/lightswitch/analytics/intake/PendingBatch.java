package io.lightswitch.analytics.intake;

import io.lightswitch.analytics.aggregate.BatchAggregate;
import io.lightswitch.analytics.aggregate.ContextFlags;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.contracts.ingest.SpanBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of the next flush, aggregated as they arrive so that only the aggregate (bounded by
 * the number of distinct keys) and the raw bodies stay in memory, not thousands of decoded spans.
 * Telemetry whose flags must come from exposures, and flag changes, wait decoded for the flush, which
 * reads the exposures first. Not thread-safe: the pipeline holds its lock while adding.
 */
final class PendingBatch {

    private final List<IntakeItem> items = new ArrayList<>();
    private final BatchAggregate aggregate = new BatchAggregate();
    private final long startedNanos = System.nanoTime();
    private long weight;

    void add(IntakeItem item) {
        weight += item.weight();
        if (item.payload() instanceof SpanBatch batch && !BatchAggregate.needsContextFlags(batch)) {
            aggregate.addSpans(batch, ContextFlags.NONE);
            items.add(item.aggregated());
        } else if (item.payload() instanceof RumBatch batch && !BatchAggregate.needsContextFlags(batch)) {
            aggregate.addRum(batch, ContextFlags.NONE);
            items.add(item.aggregated());
        } else if (item.payload() instanceof FlagExposed exposed) {
            aggregate.addExposures(exposed);
            items.add(item.aggregated());
        } else {
            items.add(item);
        }
    }

    List<IntakeItem> items() {
        return items;
    }

    BatchAggregate aggregate() {
        return aggregate;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    int size() {
        return items.size();
    }

    long weight() {
        return weight;
    }

    long ageNanos() {
        return System.nanoTime() - startedNanos;
    }
}
