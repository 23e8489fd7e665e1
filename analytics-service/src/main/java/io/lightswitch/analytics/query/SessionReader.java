package io.lightswitch.analytics.query;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Session search (keyset pages, newest first), a session's timeline and its replay. */
@ApplicationScoped
public class SessionReader {

    private static final String ONE = "select " + SessionView.COLUMNS + " from " + Rows.SCHEMA + ".session"
            + " where project = $1 and environment = $2 and session_id = $3";
    /** Timeline rows are chunks (one per intake flush) holding a JSON array of entries. */
    private static final String TIMELINE = "select (e ->> 'at')::timestamptz as at, e ->> 'kind' as kind,"
            + " e ->> 'name' as name, (e -> 'detail')::text as detail from " + Rows.SCHEMA + ".session_event s,"
            + " jsonb_array_elements(s.entries) with ordinality as x(e, n)"
            + " where s.project = $1 and s.environment = $2 and s.session_id = $3 order by at, s.id, x.n";
    private static final String REPLAY = "select seq, at, events::text as events from " + Rows.SCHEMA
            + ".session_replay where project = $1 and environment = $2 and session_id = $3 order by seq";

    private final Pool pool;

    public SessionReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<SessionView.SessionPage> search(Scope scope, SessionSearch search) {
        List<Object> params = new ArrayList<>(List.of(scope.project(), scope.environment()));
        StringBuilder sql = new StringBuilder("select " + SessionView.COLUMNS + " from " + Rows.SCHEMA
                + ".session where project = $1 and environment = $2");
        if (search.variant() != null) {
            params.add(new JsonObject().put(search.flag(), search.variant()));
            sql.append(" and flags @> $").append(params.size());
        } else if (search.flag() != null) {
            params.add(search.flag());
            sql.append(" and flags ? $").append(params.size());
        }
        if (search.userId() != null) {
            params.add(search.userId());
            sql.append(" and user_id = $").append(params.size());
        }
        if (search.browser() != null) {
            params.add(search.browser());
            sql.append(" and lower(browser) = lower($").append(params.size()).append(')');
        }
        if (search.os() != null) {
            params.add(search.os());
            sql.append(" and lower(os) = lower($").append(params.size()).append(')');
        }
        if (search.country() != null) {
            params.add(search.country());
            sql.append(" and lower(country) = lower($").append(params.size()).append(')');
        }
        if (search.hadErrors() != null) {
            sql.append(search.hadErrors() ? " and error_count > 0" : " and error_count = 0");
        }
        if (search.lastSeen() != null) {
            params.add(Rows.param(search.lastSeen().from()));
            sql.append(" and last_seen >= $").append(params.size());
            params.add(Rows.param(search.lastSeen().to()));
            sql.append(" and last_seen < $").append(params.size());
        }
        if (search.after() != null) {
            params.add(Rows.param(search.after().lastSeen()));
            params.add(search.after().sessionId());
            sql.append(" and (last_seen, session_id) < ($").append(params.size() - 1).append(", $")
                    .append(params.size()).append(')');
        }
        // One more than asked, to know whether another page follows.
        params.add(search.limit() + 1);
        sql.append(" order by last_seen desc, session_id desc limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<SessionView> sessions = new ArrayList<>();
            String next = null;
            for (Row row : rows) {
                if (sessions.size() == search.limit()) {
                    SessionView last = sessions.get(sessions.size() - 1);
                    next = new SessionCursor(last.lastSeen(), last.id()).encode();
                    break;
                }
                sessions.add(SessionView.of(row));
            }
            return new SessionView.SessionPage(sessions, next);
        });
    }

    public Uni<SessionView.SessionDetail> detail(Scope scope, String sessionId) {
        Tuple key = Tuple.of(scope.project(), scope.environment(), sessionId);
        return pool.withConnection(connection -> Uni.combine().all().unis(connection.preparedQuery(ONE).execute(key),
                        connection.preparedQuery(TIMELINE).execute(key)).asTuple())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    SessionView session = session(rows.getItem1(), sessionId);
                    List<SessionView.TimelineEvent> timeline = new ArrayList<>();
                    rows.getItem2().forEach(row -> timeline.add(SessionView.TimelineEvent.of(row)));
                    return new SessionView.SessionDetail(session, timeline);
                });
    }

    public Uni<SessionView.SessionReplay> replay(Scope scope, String sessionId) {
        Tuple key = Tuple.of(scope.project(), scope.environment(), sessionId);
        return pool.withConnection(connection -> Uni.combine().all().unis(connection.preparedQuery(ONE).execute(key),
                        connection.preparedQuery(REPLAY).execute(key)).asTuple())
                .map(rows -> {
                    session(rows.getItem1(), sessionId);
                    List<SessionView.ReplayChunk> chunks = new ArrayList<>();
                    rows.getItem2().forEach(row -> chunks.add(new SessionView.ReplayChunk(row.getInteger("seq"),
                            Rows.instant(row, "at"), row.getString("events"))));
                    return new SessionView.SessionReplay(sessionId, chunks);
                });
    }

    private static SessionView session(RowSet<Row> rows, String sessionId) {
        RowIterator<Row> found = rows.iterator();
        if (!found.hasNext()) {
            throw new NotFoundException("no session '" + sessionId + "' in this environment");
        }
        return SessionView.of(found.next());
    }
}
