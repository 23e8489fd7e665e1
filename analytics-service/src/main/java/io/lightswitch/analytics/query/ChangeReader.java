package io.lightswitch.analytics.query;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The flag change timeline of an environment, newest first. */
@ApplicationScoped
public class ChangeReader {

    private final Pool pool;

    public ChangeReader(Pool pool) {
        this.pool = pool;
    }

    /** @param flag one flag, or null for all; @param window null for all time */
    public Uni<List<ChangeView>> changes(Scope scope, String flag, TimeWindow window, int limit) {
        List<Object> params = new ArrayList<>(List.of(scope.project(), scope.environment()));
        StringBuilder sql = new StringBuilder("select " + ChangeView.COLUMNS + " from " + Rows.SCHEMA
                + ".flag_change where project = $1 and (environment = $2 or environment is null)");
        if (flag != null) {
            params.add(flag);
            sql.append(" and flag_key = $").append(params.size());
        }
        if (window != null) {
            params.add(Rows.param(window.from()));
            sql.append(" and occurred_at >= $").append(params.size());
            params.add(Rows.param(window.to()));
            sql.append(" and occurred_at < $").append(params.size());
        }
        params.add(limit);
        sql.append(" order by occurred_at desc, id desc limit $").append(params.size());
        // Parsing the before and after documents of up to 500 changes is CPU work: off the event loop.
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<ChangeView> changes = new ArrayList<>();
                    for (Row row : rows) {
                        changes.add(ChangeView.of(row));
                    }
                    return changes;
                });
    }
}
