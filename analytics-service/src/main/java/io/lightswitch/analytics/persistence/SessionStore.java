package io.lightswitch.analytics.persistence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightswitch.analytics.aggregate.SessionCell;
import io.lightswitch.analytics.enrich.ClientInfo;
import io.lightswitch.analytics.enrich.UserAgentClassifier;
import io.lightswitch.contracts.MessageCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds a flush's sessions to their rows and appends their timelines and replay chunks, each capped per
 * session: the upsert returns the counts including this flush, so the entries beyond the cap are known
 * before they are inserted.
 */
@ApplicationScoped
public class SessionStore {

    private static final String UPSERT = """
            insert into session (project, environment, session_id, user_id, first_seen, last_seen, browser,
                                 browser_version, os, device, country, flags, error_count, page_loads, actions,
                                 spans, timeline_size, replay_chunks)
            select p, e, s, u, f, l, b, bv, o, d, c, fl::jsonb, ec, pl, a, sp, ts, rc
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                        $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int8[],
                        $14::int8[], $15::int8[], $16::int8[], $17::int8[], $18::int8[])
                 as v(p, e, s, u, f, l, b, bv, o, d, c, fl, ec, pl, a, sp, ts, rc)
            on conflict (project, environment, session_id) do update set
                user_id = coalesce(excluded.user_id, session.user_id),
                first_seen = least(session.first_seen, excluded.first_seen),
                last_seen = greatest(session.last_seen, excluded.last_seen),
                browser = coalesce(session.browser, excluded.browser),
                browser_version = coalesce(session.browser_version, excluded.browser_version),
                os = coalesce(session.os, excluded.os),
                device = coalesce(session.device, excluded.device),
                country = coalesce(session.country, excluded.country),
                flags = session.flags || excluded.flags,
                error_count = session.error_count + excluded.error_count,
                page_loads = session.page_loads + excluded.page_loads,
                actions = session.actions + excluded.actions,
                spans = session.spans + excluded.spans,
                timeline_size = session.timeline_size + excluded.timeline_size,
                replay_chunks = session.replay_chunks + excluded.replay_chunks
            returning project, environment, session_id, timeline_size, replay_chunks""";

    private static final String EVENTS = """
            insert into session_event (project, environment, session_id, first_at, last_at, entries)
            select p, e, s, f, l, x::jsonb
            from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[])
                 as v(p, e, s, f, l, x)""";

    private static final String REPLAY = """
            insert into session_replay (project, environment, session_id, seq, at, events)
            select p, e, s, q, t, ev::jsonb
            from unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::timestamptz[], $6::text[])
                 as v(p, e, s, q, t, ev)
            on conflict (project, environment, session_id, seq) do nothing""";

    private final UserAgentClassifier classifier;
    private final long timelineCap;
    private final long replayCap;

    public SessionStore(UserAgentClassifier classifier,
                        @ConfigProperty(name = "lightswitch.sessions.timeline-cap") long timelineCap,
                        @ConfigProperty(name = "lightswitch.sessions.replay-cap") long replayCap) {
        this.classifier = classifier;
        this.timelineCap = timelineCap;
        this.replayCap = replayCap;
    }

    /** The entries of one session that fit under its cap, in time order. */
    private record Timeline(SessionCell session, List<SessionCell.TimelineEntry> entries) {
    }

    private record Replay(SessionCell session, SessionCell.ReplayChunk chunk) {
    }

    public Uni<Void> merge(SqlConnection connection, Map<String, SessionCell> cells) {
        if (cells.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<String, SessionCell>> sorted = new ArrayList<>(cells.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        List<SessionCell> rows = sorted.stream().map(Map.Entry::getValue).toList();
        List<ClientInfo> clients = rows.stream().map(s -> classifier.classify(s.userAgent())).toList();
        Map<SessionCell, ClientInfo> client = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            client.put(rows.get(i), clients.get(i));
        }
        Tuple upsert = Tuple.of(SqlArrays.text(rows, SessionCell::project))
                .addValue(SqlArrays.text(rows, SessionCell::environment))
                .addValue(SqlArrays.text(rows, SessionCell::sessionId))
                .addValue(SqlArrays.text(rows, SessionCell::userId))
                .addValue(SqlArrays.timestamps(rows, SessionCell::firstSeen))
                .addValue(SqlArrays.timestamps(rows, SessionCell::lastSeen))
                .addValue(SqlArrays.text(rows, s -> client.get(s).browser()))
                .addValue(SqlArrays.text(rows, s -> client.get(s).browserVersion()))
                .addValue(SqlArrays.text(rows, s -> client.get(s).os()))
                .addValue(SqlArrays.text(rows, s -> client.get(s).deviceType()))
                .addValue(SqlArrays.text(rows, SessionCell::country))
                .addValue(SqlArrays.text(rows, s -> json(s.flags())))
                .addValue(SqlArrays.int8(rows, SessionCell::errors))
                .addValue(SqlArrays.int8(rows, SessionCell::pageLoads))
                .addValue(SqlArrays.int8(rows, SessionCell::actions))
                .addValue(SqlArrays.int8(rows, SessionCell::spans))
                .addValue(SqlArrays.int8(rows, s -> s.timeline().size()))
                .addValue(SqlArrays.int8(rows, s -> s.replay().size()));
        Map<String, SessionCell> byKey = new HashMap<>();
        rows.forEach(s -> byKey.put(key(s.project(), s.environment(), s.sessionId()), s));
        return connection.preparedQuery(UPSERT).execute(upsert).chain(result -> {
            List<Timeline> timeline = new ArrayList<>();
            List<Replay> replay = new ArrayList<>();
            for (Row row : result) {
                SessionCell session = byKey.get(key(row.getString(0), row.getString(1), row.getString(2)));
                List<SessionCell.TimelineEntry> entries = session.timeline();
                int room = (int) within(timelineCap, row.getLong(3), entries.size()).count();
                if (room > 0) {
                    timeline.add(new Timeline(session, entries.subList(0, room)));
                }
                List<SessionCell.ReplayChunk> chunks = session.replay();
                within(replayCap, row.getLong(4), chunks.size())
                        .forEach(i -> replay.add(new Replay(session, chunks.get(i))));
            }
            return insertTimeline(connection, timeline).chain(() -> insertReplay(connection, replay));
        });
    }

    /** Indexes of this flush's entries that still fit under the cap, given the count including them. */
    private static java.util.stream.IntStream within(long cap, long countAfter, int added) {
        long before = countAfter - added;
        long room = Math.max(0, Math.min(added, cap - before));
        return java.util.stream.IntStream.range(0, (int) room);
    }

    private Uni<Void> insertTimeline(SqlConnection connection, List<Timeline> chunks) {
        if (chunks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(EVENTS).execute(Tuple.of(
                        SqlArrays.text(chunks, t -> t.session().project()),
                        SqlArrays.text(chunks, t -> t.session().environment()),
                        SqlArrays.text(chunks, t -> t.session().sessionId()),
                        SqlArrays.timestamps(chunks, t -> t.entries().get(0).at()),
                        SqlArrays.timestamps(chunks, t -> t.entries().get(t.entries().size() - 1).at()))
                        .addValue(SqlArrays.text(chunks, t -> entriesJson(t.entries()))))
                .replaceWithVoid();
    }

    private static String entriesJson(List<SessionCell.TimelineEntry> entries) {
        ArrayNode array = MessageCodec.mapper().createArrayNode();
        for (SessionCell.TimelineEntry entry : entries) {
            ObjectNode node = array.addObject().put("at", entry.at().toString()).put("kind", entry.kind())
                    .put("name", entry.name());
            if (entry.detail() != null) {
                node.set("detail", entry.detail());
            }
        }
        return array.toString();
    }

    private Uni<Void> insertReplay(SqlConnection connection, List<Replay> chunks) {
        if (chunks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        chunks.sort(Comparator.comparing((Replay r) -> key(r.session().project(), r.session().environment(),
                r.session().sessionId())).thenComparingInt(r -> r.chunk().seq()));
        return connection.preparedQuery(REPLAY).execute(Tuple.of(
                        SqlArrays.text(chunks, r -> r.session().project()),
                        SqlArrays.text(chunks, r -> r.session().environment()),
                        SqlArrays.text(chunks, r -> r.session().sessionId()),
                        SqlArrays.int4(chunks, r -> r.chunk().seq()),
                        SqlArrays.timestamps(chunks, r -> r.chunk().at()),
                        SqlArrays.text(chunks, r -> r.chunk().events().toString())))
                .replaceWithVoid();
    }

    private static String key(String project, String environment, String sessionId) {
        return project + "\u001f" + environment + "\u001f" + sessionId;
    }

    private static String json(Map<String, String> flags) {
        try {
            return MessageCodec.mapper().writeValueAsString(flags);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
