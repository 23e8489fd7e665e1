package io.lightswitch.analytics.intake;

import io.lightswitch.analytics.aggregate.BatchAggregate;
import io.lightswitch.analytics.aggregate.ContextFlags;
import io.lightswitch.analytics.persistence.CallStore;
import io.lightswitch.analytics.persistence.ErrorGroupStore;
import io.lightswitch.analytics.persistence.ExposureStore;
import io.lightswitch.analytics.persistence.FlagChangeStore;
import io.lightswitch.analytics.persistence.ProcessedMessages;
import io.lightswitch.analytics.persistence.SeriesStore;
import io.lightswitch.analytics.persistence.SessionStore;
import io.lightswitch.analytics.aggregate.Text;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.flag.FlagDeleted;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.contracts.ingest.SpanBatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the effects of a flush's messages in one transaction: claims their ids (duplicates drop out),
 * records flag changes and exposures, joins unflagged telemetry to exposures and aggregates it on a
 * worker thread (the rest was aggregated on arrival), and merges series, errors, sessions and calls.
 */
@ApplicationScoped
public class IntakeWriter {

    /** What a committed flush did. */
    public record Written(int messages, int duplicates, long spans, long beacons, int seriesRows) {
    }

    private final Pool pool;
    private final ProcessedMessages processed;
    private final FlagChangeStore flagChanges;
    private final ExposureStore exposures;
    private final SeriesStore series;
    private final ErrorGroupStore errors;
    private final SessionStore sessions;
    private final CallStore calls;
    private final MeterRegistry registry;

    public IntakeWriter(Pool pool, ProcessedMessages processed, FlagChangeStore flagChanges, ExposureStore exposures,
                        SeriesStore series, ErrorGroupStore errors, SessionStore sessions, CallStore calls,
                        MeterRegistry registry) {
        this.registry = registry;
        this.pool = pool;
        this.processed = processed;
        this.flagChanges = flagChanges;
        this.exposures = exposures;
        this.series = series;
        this.errors = errors;
        this.sessions = sessions;
        this.calls = calls;
    }

    /** Writes a single message (the retry path of a failed flush). */
    public Uni<Written> write(IntakeItem item) {
        PendingBatch batch = new PendingBatch();
        batch.add(item.isAggregated() ? IntakeDecoder.decode(item.message(), item.queue()) : item);
        return write(batch);
    }

    Uni<Written> write(PendingBatch batch) {
        List<IntakeItem> items = batch.items();
        return pool.withTransaction(connection -> processed.claim(connection,
                        items.stream().map(IntakeItem::id).toList(), items.stream().map(IntakeItem::type).toList())
                .chain(claimed -> {
                    Set<String> seen = new HashSet<>();
                    List<IntakeItem> fresh = items.stream()
                            .filter(item -> claimed.contains(item.id()) && seen.add(item.id())).toList();
                    int duplicates = items.size() - fresh.size();
                    Uni<Prepared> prepared = duplicates == 0
                            ? Uni.createFrom().item(new Prepared(batch.aggregate(),
                                    fresh.stream().filter(item -> !item.isAggregated()).toList()))
                            // Rare: a redelivered message was aggregated on arrival. Start over from the
                            // bodies of the new ones.
                            : Uni.createFrom().item(() -> new Prepared(new BatchAggregate(), fresh.stream()
                                    .map(item -> item.isAggregated() ? IntakeDecoder.decode(item.message(), item.queue()) : item)
                                    .toList())).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                    return prepared.chain(p -> writeFresh(connection, p.aggregate(), p.decoded()))
                            .map(aggregate -> new Written(items.size(), duplicates, aggregate.spanCount(),
                                    aggregate.beaconCount(), aggregate.series().size()));
                }));
    }

    /** The aggregate so far, and the fresh messages still decoded (not yet in it). */
    private record Prepared(BatchAggregate aggregate, List<IntakeItem> decoded) {
    }

    private Uni<BatchAggregate> writeFresh(SqlConnection connection, BatchAggregate aggregate, List<IntakeItem> decoded) {
        Uni<Void> changes = Uni.createFrom().voidItem();
        for (IntakeItem item : decoded) {
            Instant at = item.occurredAt() == null ? Instant.now() : item.occurredAt();
            String source = item.source() == null ? "unknown" : item.source();
            if (item.payload() instanceof FlagChanged changed) {
                changes = changes.chain(() -> flagChanges.changed(connection, item.id(), source, at, changed));
            } else if (item.payload() instanceof FlagDeleted deleted) {
                changes = changes.chain(() -> flagChanges.deleted(connection, item.id(), source, at, deleted));
            } else if (item.payload() instanceof FlagExposed exposed) {
                aggregate.addExposures(exposed);
            }
        }
        Set<ExposureStore.Context> unflagged = unflaggedContexts(decoded);
        return changes
                .chain(() -> exposures.upsert(connection, aggregate.exposures()))
                .chain(() -> unflagged.isEmpty() ? Uni.createFrom().item(Map.<ExposureStore.Context, Map<String, String>>of())
                        : exposures.lookup(connection, unflagged))
                .chain(found -> Uni.createFrom().item(() -> {
                    ContextFlags joined = (project, environment, contextId) ->
                            found.getOrDefault(new ExposureStore.Context(project, environment, contextId), Map.of());
                    for (IntakeItem item : decoded) {
                        if (item.payload() instanceof SpanBatch batch) {
                            aggregate.addSpans(batch, joined);
                        } else if (item.payload() instanceof RumBatch batch) {
                            aggregate.addRum(batch, joined);
                        }
                    }
                    return aggregate;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .call(() -> timed("series", series.merge(connection, aggregate.series())))
                .call(() -> timed("errors", errors.merge(connection, aggregate.errors())))
                .call(() -> timed("sessions", sessions.merge(connection, aggregate.sessions())))
                .call(() -> timed("calls", calls.record(connection, aggregate)));
    }

    /** Time per flush stage, on /q/metrics, to see where a slow intake spends it. */
    private <T> Uni<T> timed(String stage, Uni<T> work) {
        return Uni.createFrom().item(System::nanoTime).chain(started -> work.invoke(() ->
                registry.timer("lightswitch.analytics.intake.stage", "stage", stage)
                        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS)));
    }

    /** Users and sessions of telemetry that carries no flags: their variants come from exposures. */
    private static Set<ExposureStore.Context> unflaggedContexts(List<IntakeItem> items) {
        Set<ExposureStore.Context> contexts = new HashSet<>();
        for (IntakeItem item : items) {
            if (item.payload() instanceof SpanBatch batch) {
                String project = Text.key(batch.project());
                String environment = Text.key(batch.environment());
                for (NormalizedSpan span : batch.spans()) {
                    if (span.flags() == null || span.flags().isEmpty()) {
                        addContext(contexts, project, environment, span.userId());
                        addContext(contexts, project, environment, span.sessionId());
                    }
                }
            } else if (item.payload() instanceof RumBatch batch && (batch.flags() == null || batch.flags().isEmpty())) {
                String project = Text.key(batch.project());
                String environment = Text.key(batch.environment());
                addContext(contexts, project, environment, batch.userId());
                addContext(contexts, project, environment, batch.sessionId());
            }
        }
        return contexts;
    }

    private static void addContext(Set<ExposureStore.Context> contexts, String project, String environment, String id) {
        String contextId = Text.clean(id, Text.MAX_KEY);
        if (contextId != null) {
            contexts.add(new ExposureStore.Context(project, environment, contextId));
        }
    }
}
