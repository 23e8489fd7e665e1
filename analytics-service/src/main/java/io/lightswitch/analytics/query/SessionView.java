package io.lightswitch.analytics.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A browser or API session: who, where, which flag variants it saw and how it went. */
public record SessionView(
        String id,
        String userId,
        Instant firstSeen,
        Instant lastSeen,
        double durationSeconds,
        String browser,
        String browserVersion,
        String os,
        String device,
        String country,
        @Schema(description = "flag key to the variant this session saw")
        Map<String, String> flags,
        long errorCount,
        long pageLoads,
        long actions,
        long spans,
        long timelineSize,
        long replayChunks) {

    static final String COLUMNS = "session_id, user_id, first_seen, last_seen, browser, browser_version, os, device,"
            + " country, flags::text as flags, error_count, page_loads, actions, spans, timeline_size, replay_chunks";

    static SessionView of(Row row) {
        Instant first = Rows.instant(row, "first_seen");
        Instant last = Rows.instant(row, "last_seen");
        JsonNode flags = Rows.json(row, "flags");
        Map<String, String> seen = new java.util.TreeMap<>();
        if (flags != null) {
            flags.fields().forEachRemaining(e -> seen.put(e.getKey(), e.getValue().asText()));
        }
        return new SessionView(row.getString("session_id"), row.getString("user_id"), first, last,
                Duration.between(first, last).toMillis() / 1000.0, row.getString("browser"),
                row.getString("browser_version"), row.getString("os"), row.getString("device"),
                row.getString("country"), seen, Rows.count(row, "error_count"), Rows.count(row, "page_loads"),
                Rows.count(row, "actions"), Rows.count(row, "spans"), Rows.count(row, "timeline_size"),
                Rows.count(row, "replay_chunks"));
    }

    /** One page of a search, newest first; pass {@code nextCursor} back as {@code cursor} for the next. */
    public record SessionPage(List<SessionView> sessions,
                       @Schema(description = "null on the last page")
                       String nextCursor) {
    }

    /** A session with its timeline in order. */
    public record SessionDetail(SessionView session, List<TimelineEvent> timeline) {
    }

    public record TimelineEvent(
            Instant at,
            @Schema(description = "page_load, action, js_error, custom or span")
            String kind,
            String name,
            @Schema(type = SchemaType.OBJECT, description = "kind-specific detail: timings, target, stack, span summary")
            JsonNode detail) {

        static TimelineEvent of(Row row) {
            return new TimelineEvent(Rows.instant(row, "at"), row.getString("kind"), row.getString("name"),
                    Rows.json(row, "detail"));
        }
    }

    /** A session's replay chunks in sequence order. */
    public record SessionReplay(String sessionId, List<ReplayChunk> chunks) {
    }

    /** rrweb events as the page recorded them; passed through unparsed, since chunks can be large. */
    public record ReplayChunk(
            int seq,
            Instant at,
            @JsonRawValue
            @Schema(type = SchemaType.ARRAY, description = "rrweb events")
            String events) {
    }
}
