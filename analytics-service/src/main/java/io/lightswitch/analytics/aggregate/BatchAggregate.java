package io.lightswitch.analytics.aggregate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightswitch.analytics.enrich.ErrorFingerprint;
import io.lightswitch.analytics.enrich.ErrorFingerprints;
import io.lightswitch.analytics.enrich.PagePaths;
import io.lightswitch.analytics.enrich.SpanOperations;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.flag.FlagExposed;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.contracts.ingest.RumEvent;
import io.lightswitch.contracts.ingest.SpanBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one flush adds to storage, aggregated in memory from the flush's messages: series cells,
 * error groups, sessions, cross-service calls and exposures. Pure: no I/O.
 */
public final class BatchAggregate {

    private static final int MAX_MESSAGE = 2_000;
    private static final int MAX_STACK = 16_000;

    private static final int FINEST = SeriesKey.RESOLUTIONS[0];

    /** 10 s cells; the coarser ones are derived when the batch is written. */
    private final Map<SeriesKey, SeriesCell> series = new HashMap<>();
    private Map<SeriesKey, SeriesCell> allResolutions;
    /** Span name, route and kind to operation: the same few combinations repeat in every batch. */
    private final Map<List<String>, String> operations = new HashMap<>();
    private final Map<ErrorKey, ErrorCell> errors = new HashMap<>();
    private final Map<String, SessionCell> sessions = new HashMap<>();
    private final Map<EdgeKey, long[]> edges = new HashMap<>();
    private final Map<String, SpanEnd> parents = new HashMap<>();
    private final Map<String, SpanEnd> children = new HashMap<>();
    private final List<ExposureRecord> exposures = new ArrayList<>();
    private long spanCount;
    private long beaconCount;

    /** Whether telemetry without flags in this batch names a user or session that exposures may join. */
    public static boolean needsContextFlags(SpanBatch batch) {
        for (NormalizedSpan span : batch.spans()) {
            if ((span.flags() == null || span.flags().isEmpty()) && (span.userId() != null || span.sessionId() != null)) {
                return true;
            }
        }
        return false;
    }

    public static boolean needsContextFlags(RumBatch batch) {
        return (batch.flags() == null || batch.flags().isEmpty()) && (batch.userId() != null || batch.sessionId() != null);
    }

    public void addSpans(SpanBatch batch, ContextFlags contextFlags) {
        String project = Text.key(batch.project());
        String environment = Text.key(batch.environment());
        for (NormalizedSpan span : batch.spans()) {
            addSpan(project, environment, span, contextFlags);
        }
    }

    private void addSpan(String project, String environment, NormalizedSpan span, ContextFlags contextFlags) {
        spanCount++;
        Instant at = span.start() == null ? Instant.now() : span.start();
        String userId = Text.clean(span.userId(), Text.MAX_KEY);
        String sessionId = Text.clean(span.sessionId(), Text.MAX_KEY);
        Map<String, String> flags = flagsOf(project, environment, span.flags(), userId, sessionId, contextFlags);
        String userKey = userKey(userId, sessionId);
        String service = Text.key(span.service() == null ? "unknown" : span.service());
        String operation = operations.computeIfAbsent(Arrays.asList(span.name(), span.route(), span.kind()),
                k -> Text.key(SpanOperations.operation(span.name(), span.route(), span.kind())));
        boolean entry = isEntry(span);
        double latencyMs = span.durationMicros() / 1000.0;
        if (entry) {
            long bucket = SeriesKey.bucketOf(at, FINEST);
            cell(bucket, project, environment, SeriesKey.ALL, SeriesKey.ALL, service, operation)
                    .addRequest(latencyMs, span.error(), userKey);
            flags.forEach((flag, variant) -> cell(bucket, project, environment, flag, variant, service, operation)
                    .addRequest(latencyMs, span.error(), userKey));
        }
        if (span.error()) {
            String type = span.errorType() != null ? span.errorType()
                    : span.httpStatus() != null ? "HTTP " + span.httpStatus() : "Error";
            error(project, environment, flags, "span", service, type, span.errorMessage(), null, at, userKey);
        }
        if (sessionId != null) {
            SessionCell session = session(project, environment, sessionId);
            session.seen(at, userId, span.userAgent(), span.geo() == null ? null : span.geo().country(), flags);
            session.spans++;
            if (span.error()) {
                session.errors++;
            }
            if (entry) {
                ObjectNode detail = MessageCodec.mapper().createObjectNode()
                        .put("service", service).put("durationMs", latencyMs).put("error", span.error())
                        .put("traceId", span.traceId()).put("spanId", span.spanId());
                if (span.httpStatus() != null) {
                    detail.put("httpStatus", span.httpStatus());
                }
                session.timeline.add(new SessionCell.TimelineEntry(at, "span", operation, detail));
            }
        }
        trackCallEnds(project, environment, span, entry, service, flags, at);
    }

    private static boolean isEntry(NormalizedSpan span) {
        return NormalizedSpan.SERVER.equals(span.kind()) || NormalizedSpan.CONSUMER.equals(span.kind())
                || span.parentSpanId() == null;
    }

    private void trackCallEnds(String project, String environment, NormalizedSpan span, boolean entry,
                               String service, Map<String, String> flags, Instant at) {
        if (span.spanId() == null) {
            return;
        }
        boolean outgoing = NormalizedSpan.CLIENT.equals(span.kind()) || NormalizedSpan.PRODUCER.equals(span.kind());
        if (outgoing) {
            SpanEnd parent = new SpanEnd(project, environment, span.spanId(), SpanEnd.PARENT, service, span.error(),
                    flags, at);
            SpanEnd child = children.remove(parent.matchKey());
            if (child != null) {
                call(parent, child);
            } else {
                parents.put(parent.matchKey(), parent);
            }
        } else if (entry && span.parentSpanId() != null) {
            SpanEnd child = new SpanEnd(project, environment, span.parentSpanId(), SpanEnd.CHILD, service,
                    span.error(), flags, at);
            SpanEnd parent = parents.remove(child.matchKey());
            if (parent != null) {
                call(parent, child);
            } else {
                children.put(child.matchKey(), child);
            }
        }
    }

    /** Counts a call between the two ends of a cross-service call, once per flag variant either end saw. */
    public void call(SpanEnd parent, SpanEnd child) {
        if (parent.service().equals(child.service())) {
            return;
        }
        long bucket = SeriesKey.bucketOf(child.at(), EdgeKey.RESOLUTION);
        Map<String, String> flags = new HashMap<>(parent.flags());
        flags.putAll(child.flags());
        edge(new EdgeKey(parent.project(), parent.environment(), bucket, SeriesKey.ALL, SeriesKey.ALL,
                parent.service(), child.service()), child.error());
        flags.forEach((flag, variant) -> edge(new EdgeKey(parent.project(), parent.environment(), bucket, flag,
                variant, parent.service(), child.service()), child.error()));
    }

    private void edge(EdgeKey key, boolean error) {
        long[] counts = edges.computeIfAbsent(key, k -> new long[2]);
        counts[0]++;
        if (error) {
            counts[1]++;
        }
    }

    public void addRum(RumBatch batch, ContextFlags contextFlags) {
        beaconCount++;
        String project = Text.key(batch.project());
        String environment = Text.key(batch.environment());
        String userId = Text.clean(batch.userId(), Text.MAX_KEY);
        String sessionId = Text.clean(batch.sessionId(), Text.MAX_KEY);
        Map<String, String> flags = flagsOf(project, environment, batch.flags(), userId, sessionId, contextFlags);
        String userKey = userKey(userId, sessionId);
        String operation = Text.key(PagePaths.operation(batch.pageUrl()));
        List<RumEvent> events = batch.events() == null ? List.of() : batch.events();
        Instant at = events.stream().map(RumEvent::at).filter(t -> t != null).min(Instant::compareTo)
                .orElseGet(Instant::now);
        long jsErrors = events.stream().filter(e -> RumEvent.JS_ERROR.equals(e.kind())).count();
        long actions = events.stream().filter(e -> RumEvent.ACTION.equals(e.kind())).count();
        Set<String> customNames = new LinkedHashSet<>();
        events.stream().filter(e -> RumEvent.CUSTOM.equals(e.kind()) && e.customName() != null)
                .forEach(e -> customNames.add(Text.key(e.customName())));
        long bucket = SeriesKey.bucketOf(at, FINEST);
        List<SeriesCell> cells = new ArrayList<>();
        cells.add(cell(bucket, project, environment, SeriesKey.ALL, SeriesKey.ALL, SeriesKey.BROWSER, operation));
        flags.forEach((flag, variant) -> cells.add(cell(bucket, project, environment, flag, variant,
                SeriesKey.BROWSER, operation)));
        for (SeriesCell cell : cells) {
            cell.addBeacon(jsErrors > 0, jsErrors, actions, userKey);
            for (RumEvent event : events) {
                if (RumEvent.PAGE_LOAD.equals(event.kind())) {
                    cell.addPageLoad(event.ttfbMs(), event.lcpMs(), event.inpMs(), event.cls());
                }
            }
            customNames.forEach(cell::addCustomEvent);
        }
        SessionCell session = sessionId == null ? null : session(project, environment, sessionId);
        for (RumEvent event : events) {
            Instant eventAt = event.at() == null ? at : event.at();
            if (RumEvent.JS_ERROR.equals(event.kind())) {
                error(project, environment, flags, "browser", SeriesKey.BROWSER, event.errorType(),
                        event.errorMessage(), event.stack(), eventAt, userKey);
            }
            if (session != null) {
                addToTimeline(session, event, eventAt, operation);
            }
        }
        if (session != null) {
            session.seen(at, userId, batch.userAgent(), batch.country(), flags);
            session.errors += jsErrors;
            session.actions += actions;
        }
    }

    private static void addToTimeline(SessionCell session, RumEvent event, Instant at, String page) {
        ObjectNode detail = MessageCodec.mapper().createObjectNode();
        switch (event.kind()) {
            case RumEvent.PAGE_LOAD -> {
                session.pageLoads++;
                putIfSet(detail, "ttfbMs", event.ttfbMs());
                putIfSet(detail, "lcpMs", event.lcpMs());
                putIfSet(detail, "inpMs", event.inpMs());
                putIfSet(detail, "cls", event.cls());
                session.timeline.add(new SessionCell.TimelineEntry(at, "page_load", page, detail));
            }
            case RumEvent.ACTION -> {
                detail.put("target", Text.clean(event.actionTarget(), MAX_MESSAGE));
                session.timeline.add(new SessionCell.TimelineEntry(at, "action",
                        Text.clean(event.actionName(), Text.MAX_KEY), detail));
            }
            case RumEvent.JS_ERROR -> {
                detail.put("type", Text.clean(event.errorType(), Text.MAX_KEY))
                        .put("stack", Text.clean(event.stack(), MAX_STACK))
                        .put("source", Text.clean(event.source(), MAX_MESSAGE));
                if (event.line() != null) {
                    detail.put("line", event.line());
                }
                if (event.column() != null) {
                    detail.put("column", event.column());
                }
                session.timeline.add(new SessionCell.TimelineEntry(at, "js_error",
                        Text.clean(event.errorMessage(), MAX_MESSAGE), detail));
            }
            case RumEvent.CUSTOM -> {
                putIfSet(detail, "value", event.customValue());
                if (event.customProps() != null) {
                    detail.set("props", event.customProps());
                }
                session.timeline.add(new SessionCell.TimelineEntry(at, "custom",
                        Text.clean(event.customName(), Text.MAX_KEY), detail));
            }
            case RumEvent.REPLAY -> {
                if (event.replaySeq() != null && event.replayEvents() != null) {
                    session.replay.add(new SessionCell.ReplayChunk(event.replaySeq(), at, event.replayEvents()));
                }
            }
            default -> {
            }
        }
    }

    private static void putIfSet(ObjectNode node, String field, Double value) {
        if (value != null && Double.isFinite(value)) {
            node.put(field, value);
        }
    }

    public void addExposures(FlagExposed exposed) {
        String project = Text.key(exposed.project());
        String environment = Text.key(exposed.environment());
        for (FlagExposed.Exposure exposure : exposed.exposures()) {
            if (exposure.flagKey() == null || exposure.variant() == null || exposure.contextId() == null) {
                continue;
            }
            Instant at = exposure.firstSeen() == null ? Instant.now() : exposure.firstSeen();
            String flag = Text.key(exposure.flagKey());
            String variant = Text.key(exposure.variant());
            String contextId = Text.key(exposure.contextId());
            exposures.add(new ExposureRecord(project, environment, contextId, flag, variant, at));
            cell(SeriesKey.bucketOf(at, FINEST), project, environment, flag, variant, SeriesKey.ALL, SeriesKey.ALL)
                    .addExposure(contextId);
        }
    }

    private static Map<String, String> flagsOf(String project, String environment, Map<String, String> carried,
                                               String userId, String sessionId, ContextFlags contextFlags) {
        Map<String, String> flags = new HashMap<>();
        if (carried != null && !carried.isEmpty()) {
            carried.forEach((flag, variant) -> {
                if (flag != null && variant != null) {
                    flags.put(Text.key(flag), Text.key(variant));
                }
            });
            return flags;
        }
        if (sessionId != null) {
            flags.putAll(contextFlags.of(project, environment, sessionId));
        }
        if (userId != null) {
            flags.putAll(contextFlags.of(project, environment, userId));
        }
        return flags;
    }

    private static String userKey(String userId, String sessionId) {
        return userId != null ? userId : sessionId;
    }

    private void error(String project, String environment, Map<String, String> flags, String source, String service,
                       String type, String message, String stack, Instant at, String userKey) {
        ErrorFingerprint fingerprint = ErrorFingerprints.of(type, message, stack);
        errorCell(new ErrorKey(project, environment, SeriesKey.ALL, SeriesKey.ALL, fingerprint.fingerprint()),
                source, service, fingerprint, message, stack).occurred(at, userKey);
        flags.forEach((flag, variant) -> errorCell(new ErrorKey(project, environment, flag, variant,
                fingerprint.fingerprint()), source, service, fingerprint, message, stack).occurred(at, userKey));
    }

    private ErrorCell errorCell(ErrorKey key, String source, String service, ErrorFingerprint fingerprint,
                                String message, String stack) {
        return errors.computeIfAbsent(key, k -> new ErrorCell(source, service, Text.key(fingerprint.type()),
                Text.clean(fingerprint.normalisedMessage(), MAX_MESSAGE), Text.clean(fingerprint.topFrame(), MAX_MESSAGE),
                Text.clean(message, MAX_MESSAGE), Text.clean(stack, MAX_STACK)));
    }

    private SeriesCell cell(long bucket, String project, String environment, String flag, String variant,
                            String service, String operation) {
        return series.computeIfAbsent(new SeriesKey(FINEST, bucket, project, environment, flag, variant, service,
                operation), k -> new SeriesCell());
    }

    /**
     * Every cell at every resolution: observations go into 10 s cells only, and the coarser cells are
     * their merges, built once here rather than once per observation.
     */
    private Map<SeriesKey, SeriesCell> withCoarserResolutions() {
        Map<SeriesKey, SeriesCell> all = new HashMap<>(series);
        for (Map.Entry<SeriesKey, SeriesCell> entry : series.entrySet()) {
            SeriesKey key = entry.getKey();
            for (int resolution : SeriesKey.RESOLUTIONS) {
                if (resolution == FINEST) {
                    continue;
                }
                long bucket = Math.floorDiv(key.bucketStart(), resolution) * resolution;
                all.computeIfAbsent(new SeriesKey(resolution, bucket, key.project(), key.environment(), key.flagKey(),
                        key.variant(), key.service(), key.operation()), k -> new SeriesCell()).merge(entry.getValue());
            }
        }
        return all;
    }

    private SessionCell session(String project, String environment, String sessionId) {
        return sessions.computeIfAbsent(project + "\u001f" + environment + "\u001f" + sessionId,
                k -> new SessionCell(project, environment, sessionId));
    }

    /** The series cells at every resolution; computed on first call, so call it once the batch is complete. */
    public Map<SeriesKey, SeriesCell> series() {
        if (allResolutions == null) {
            allResolutions = withCoarserResolutions();
        }
        return allResolutions;
    }
    public Map<ErrorKey, ErrorCell> errors() { return errors; }
    public Map<String, SessionCell> sessions() { return sessions; }
    public Map<EdgeKey, long[]> edges() { return edges; }
    /** Call ends without their other end in this flush, to be matched against stored ones. */
    public List<SpanEnd> unmatchedCallEnds() {
        List<SpanEnd> ends = new ArrayList<>(parents.values());
        ends.addAll(children.values());
        return ends;
    }
    public List<ExposureRecord> exposures() { return exposures; }
    public long spanCount() { return spanCount; }
    public long beaconCount() { return beaconCount; }
}
