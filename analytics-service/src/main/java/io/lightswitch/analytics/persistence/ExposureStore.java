package io.lightswitch.analytics.persistence;

import io.lightswitch.analytics.aggregate.ExposureRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which variant each user or session saw; the join for telemetry that carries no flags. */
@ApplicationScoped
public class ExposureStore {

    private static final String UPSERT = """
            insert into exposure (project, environment, context_id, flag_key, variant, first_seen, last_seen)
            select p, e, c, f, v, t, t
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                 as x(p, e, c, f, v, t)
            on conflict (project, environment, context_id, flag_key) do update set
                variant = case when excluded.last_seen >= exposure.last_seen then excluded.variant
                               else exposure.variant end,
                first_seen = least(exposure.first_seen, excluded.first_seen),
                last_seen = greatest(exposure.last_seen, excluded.last_seen)""";

    private static final String LOOKUP = """
            select context_id, flag_key, variant from exposure
            where project = $1 and environment = $2 and context_id = any($3)""";

    /** A context in an environment. */
    public record Context(String project, String environment, String contextId) {
    }

    public Uni<Void> upsert(SqlConnection connection, List<ExposureRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // One row per key in a statement (an upsert cannot touch a row twice), the latest sighting wins;
        // sorted so that concurrent replicas lock rows in the same order.
        Map<String, ExposureRecord> latest = new LinkedHashMap<>();
        for (ExposureRecord record : records) {
            latest.merge(record.project() + "\u001f" + record.environment() + "\u001f" + record.contextId()
                    + "\u001f" + record.flagKey(), record, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        List<ExposureRecord> rows = new ArrayList<>(latest.values());
        rows.sort(Comparator.comparing(ExposureRecord::project).thenComparing(ExposureRecord::environment)
                .thenComparing(ExposureRecord::contextId).thenComparing(ExposureRecord::flagKey));
        return connection.preparedQuery(UPSERT).execute(Tuple.of(
                        SqlArrays.text(rows, ExposureRecord::project), SqlArrays.text(rows, ExposureRecord::environment),
                        SqlArrays.text(rows, ExposureRecord::contextId), SqlArrays.text(rows, ExposureRecord::flagKey),
                        SqlArrays.text(rows, ExposureRecord::variant), SqlArrays.timestamps(rows, ExposureRecord::at)))
                .replaceWithVoid();
    }

    /** Flag key to variant per context; contexts without exposures are absent. */
    public Uni<Map<Context, Map<String, String>>> lookup(SqlConnection connection, Set<Context> contexts) {
        Map<List<String>, List<String>> byEnvironment = new HashMap<>();
        for (Context context : contexts) {
            byEnvironment.computeIfAbsent(List.of(context.project(), context.environment()), k -> new ArrayList<>())
                    .add(context.contextId());
        }
        Map<Context, Map<String, String>> found = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<List<String>, List<String>> entry : byEnvironment.entrySet()) {
            String project = entry.getKey().get(0);
            String environment = entry.getKey().get(1);
            chain = chain.chain(() -> connection.preparedQuery(LOOKUP)
                    .execute(Tuple.of(project, environment, entry.getValue().toArray(String[]::new)))
                    .invoke(rows -> {
                        for (Row row : rows) {
                            found.computeIfAbsent(new Context(project, environment, row.getString(0)),
                                    k -> new HashMap<>()).put(row.getString(1), row.getString(2));
                        }
                    }).replaceWithVoid());
        }
        return chain.map(ignored -> found);
    }
}
