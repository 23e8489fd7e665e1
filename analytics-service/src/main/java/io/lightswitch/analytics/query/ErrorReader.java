package io.lightswitch.analytics.query;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent error groups per variant of a flag (flag key '' holds all traffic), among the groups
 * seen within the window.
 */
@ApplicationScoped
public class ErrorReader {

    private static final String TOP = "select * from (select " + ErrorGroupView.COLUMNS + ","
            + " row_number() over (partition by variant order by occurrences desc, last_seen desc, fingerprint) as place"
            + " from " + Rows.SCHEMA + ".error_group"
            + " where project = $1 and environment = $2 and flag_key = $3 and last_seen >= $4 and first_seen < $5"
            + ") ranked where place <= $6 order by variant, place";

    private final Pool pool;

    public ErrorReader(Pool pool) {
        this.pool = pool;
    }

    /** @param flag null for all traffic */
    public Uni<ErrorGroupView.TopErrors> top(Scope scope, String flag, TimeWindow window, int limit) {
        Tuple params = Tuple.from(List.of(scope.project(), scope.environment(), flag == null ? "" : flag,
                Rows.param(window.from()), Rows.param(window.to()), limit));
        return pool.preparedQuery(TOP).execute(params)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    Map<String, List<ErrorGroupView>> byVariant = new LinkedHashMap<>();
                    for (Row row : rows) {
                        byVariant.computeIfAbsent(row.getString("variant"), v -> new ArrayList<>())
                                .add(ErrorGroupView.of(row));
                    }
                    List<ErrorGroupView.VariantErrors> variants = new ArrayList<>();
                    byVariant.forEach((variant, errors) -> variants.add(new ErrorGroupView.VariantErrors(variant, errors)));
                    return new ErrorGroupView.TopErrors(scope.project(), scope.environment(), flag, window.from(),
                            window.to(), variants);
                });
    }
}
