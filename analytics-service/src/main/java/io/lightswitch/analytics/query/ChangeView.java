package io.lightswitch.analytics.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One flag change as analytics saw it, from flag-service or from a provider webhook. */
public record ChangeView(
        String id,
        String flag,
        @Schema(description = "null for a change that applies to every environment of the project")
        String environment,
        long version,
        @Schema(description = "what changed, e.g. created, updated, enabled, disabled, rollout, deleted")
        String change,
        Actor actor,
        String reason,
        Instant occurredAt,
        @Schema(description = "flag-service, or the provider that reported it")
        String source,
        @Schema(type = SchemaType.OBJECT, description = "the flag's state document before the change")
        JsonNode before,
        @Schema(type = SchemaType.OBJECT, description = "the flag's state document after the change")
        JsonNode after) {

    /** Who made the change: a user, an API key, a workflow rule or a provider. */
    public record Actor(String kind, String id, String name) {
    }

    static final String COLUMNS = "id, flag_key, environment, flag_version, change, actor_kind, actor_id, actor_name, "
            + "reason, occurred_at, source, before_state::text as before_state, after_state::text as after_state";

    static ChangeView of(Row row) {
        return new ChangeView(row.getString("id"), row.getString("flag_key"), row.getString("environment"),
                Rows.count(row, "flag_version"), row.getString("change"),
                new Actor(row.getString("actor_kind"), row.getString("actor_id"), row.getString("actor_name")),
                row.getString("reason"), Rows.instant(row, "occurred_at"), row.getString("source"),
                Rows.json(row, "before_state"), Rows.json(row, "after_state"));
    }
}
