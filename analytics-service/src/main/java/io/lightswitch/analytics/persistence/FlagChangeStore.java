package io.lightswitch.analytics.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.contracts.flag.FlagChanged;
import io.lightswitch.contracts.flag.FlagDeleted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Objects;

/**
 * The flag change timeline, and the latest state of each flag per environment for the detection job.
 * A change that leaves serving untouched (a new description, say) moves the version but not
 * {@code changed_at}, so it does not restart the flag's assessment window.
 */
@ApplicationScoped
public class FlagChangeStore {

    private static final String INSERT = """
            insert into flag_change (id, project, environment, flag_key, flag_version, change, actor_kind, actor_id,
                                     actor_name, reason, occurred_at, source, before_state, after_state)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14::jsonb)
            on conflict (id) do nothing""";

    private static final String STATE = """
            insert into flag_state (project, environment, flag_key, flag_version, enabled, off_variant, changed_at,
                                    deleted)
            values ($1, $2, $3, $4, $5, $6, $7, false)
            on conflict (project, environment, flag_key) do update set
                flag_version = excluded.flag_version,
                enabled = coalesce(excluded.enabled, flag_state.enabled),
                off_variant = coalesce(excluded.off_variant, flag_state.off_variant),
                changed_at = case when $8 then excluded.changed_at else flag_state.changed_at end,
                deleted = false
            where excluded.changed_at >= flag_state.changed_at or excluded.flag_version > flag_state.flag_version""";

    private static final String DELETED = """
            update flag_state set deleted = true, changed_at = greatest(changed_at, $3)
            where project = $1 and flag_key = $2""";

    public Uni<Void> changed(SqlConnection connection, String id, String source, Instant at, FlagChanged change) {
        Actor actor = change.actor();
        Tuple row = Tuple.of(id, change.project(), change.environment(), change.flagKey())
                .addValue(change.flagVersion()).addValue(change.change())
                .addValue(actor == null ? null : actor.kind()).addValue(actor == null ? null : actor.id())
                .addValue(actor == null ? null : actor.name()).addValue(change.reason())
                .addValue(SqlArrays.timestamp(at)).addValue(source)
                .addValue(change.before() == null ? null : change.before().toString())
                .addValue(change.after() == null ? null : change.after().toString());
        Uni<Void> recorded = connection.preparedQuery(INSERT).execute(row).replaceWithVoid();
        if (change.environment() == null) {
            return recorded;
        }
        JsonNode after = change.after();
        Boolean enabled = after != null && after.hasNonNull("enabled") ? after.get("enabled").asBoolean() : null;
        String offVariant = after != null && after.hasNonNull("offVariant") ? after.get("offVariant").asText() : null;
        Tuple state = Tuple.of(change.project(), change.environment(), change.flagKey())
                .addValue(change.flagVersion()).addValue(enabled).addValue(offVariant)
                .addValue(SqlArrays.timestamp(at)).addValue(servingChanged(change.before(), after));
        return recorded.chain(() -> connection.preparedQuery(STATE).execute(state)).replaceWithVoid();
    }

    public Uni<Void> deleted(SqlConnection connection, String id, String source, Instant at, FlagDeleted deleted) {
        Actor actor = deleted.actor();
        Tuple row = Tuple.of(id, deleted.project(), null, deleted.flagKey()).addValue(0L).addValue("deleted")
                .addValue(actor == null ? null : actor.kind()).addValue(actor == null ? null : actor.id())
                .addValue(actor == null ? null : actor.name()).addValue(deleted.reason())
                .addValue(SqlArrays.timestamp(at)).addValue(source).addValue(null).addValue(null);
        return connection.preparedQuery(INSERT).execute(row)
                .chain(() -> connection.preparedQuery(DELETED)
                        .execute(Tuple.of(deleted.project(), deleted.flagKey(), SqlArrays.timestamp(at))))
                .replaceWithVoid();
    }

    /** Whether what users are served may differ: any difference in the state besides its version. */
    static boolean servingChanged(JsonNode before, JsonNode after) {
        if (before == null || after == null || !before.isObject() || !after.isObject()) {
            return true;
        }
        ObjectNode a = ((ObjectNode) before).deepCopy();
        ObjectNode b = ((ObjectNode) after).deepCopy();
        a.remove("version");
        b.remove("version");
        return !Objects.equals(a, b);
    }
}
