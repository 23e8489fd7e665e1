package io.lightswitch.workflow.persistence;

import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.workflow.domain.execution.PlannedAction;
import io.lightswitch.workflow.domain.execution.WebhookRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tables {@code action_execution}, and the queues an execution feeds: {@code outbox} for commands and
 * {@code webhook_delivery} for webhook calls. Each is keyed so that an action can be recorded and queued once
 * per incident whatever runs it twice.
 */
@ApplicationScoped
public class ExecutionStore {

    private static final String INSERT_EXECUTION = """
            insert into action_execution (incident_id, action_index, type, status, command_id, payload, detail)
            values ($1, $2, $3, $4, $5, $6::text::jsonb, $7)
            on conflict (incident_id, action_index) do nothing
            returning incident_id""";

    private static final String INSERT_OUTBOX = """
            insert into outbox (id, routing_key, type, body) values ($1, $2, $3, $4)
            on conflict (id) do nothing""";

    private static final String INSERT_DELIVERY = """
            insert into webhook_delivery (id, incident_id, action_index, url, method, headers, body, max_attempts,
                                          initial_backoff_ms, status, next_attempt_at)
            values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, 'pending', now())
            on conflict (incident_id, action_index) do nothing""";

    private static final String COLUMNS = """
            e.incident_id, i.rule_id, i.rule_name, i.environment, i.flag_key, e.action_index, e.type, e.status,
            e.command_id, e.payload::text, e.attempts, e.response_status, e.response_body, e.detail,
            d.attempt_log::text, case when d.status = 'pending' then d.next_attempt_at end, e.created_at, e.updated_at
            from action_execution e join incident i on i.id = e.incident_id
            left join webhook_delivery d on d.incident_id = e.incident_id and d.action_index = e.action_index""";

    /** Filters of a listing; null means any. */
    public record Filter(String project, String environment, String flagKey, String ruleId, String type,
                         String status, Instant from, Instant to, int limit) {
    }

    /** The status an action starts with. */
    public static String initialStatus(PlannedAction action) {
        if (action instanceof PlannedAction.Command) {
            return ExecutionRow.QUEUED;
        }
        if (action instanceof PlannedAction.Webhook) {
            return ExecutionRow.PENDING;
        }
        return action instanceof PlannedAction.DryRun ? ExecutionRow.DRY_RUN : ExecutionRow.FAILED;
    }

    /** Records the action and queues what it sends; false when it was recorded before (nothing is queued). */
    public Uni<Boolean> record(SqlClient client, UUID incidentId, PlannedAction action) {
        UUID commandId = action instanceof PlannedAction.Command command ? command.commandId() : null;
        String detail = action instanceof PlannedAction.Unrunnable unrunnable ? unrunnable.reason() : null;
        Tuple execution = Sql.tuple(incidentId, action.index(), action.type(),
                initialStatus(action), commandId, action.payload().toString(), detail);
        return client.preparedQuery(INSERT_EXECUTION).execute(execution).chain(rows -> {
            if (rows.rowCount() == 0) {
                return Uni.createFrom().item(false);
            }
            if (action instanceof PlannedAction.Command command) {
                return client.preparedQuery(INSERT_OUTBOX)
                        .execute(Tuple.of(command.commandId(), command.routingKey(), command.type(),
                                Buffer.buffer(command.envelope())))
                        .replaceWith(true);
            }
            if (action instanceof PlannedAction.Webhook webhook) {
                WebhookRequest request = webhook.request();
                return client.preparedQuery(INSERT_DELIVERY)
                        .execute(Sql.tuple(request.deliveryId(), incidentId, action.index(),
                                request.url(), request.method(), MessageCodec.tree(request.headers()).toString(),
                                request.body(), request.maxAttempts(), request.initialBackoff().toMillis()))
                        .replaceWith(true);
            }
            return Uni.createFrom().item(true);
        });
    }

    /**
     * Marks commands of an incident of one type as applied by flag-service; a command the relay has not yet
     * marked published is confirmed all the same (the confirmation can overtake the relay's commit).
     */
    public Uni<Integer> confirmCommands(SqlClient client, UUID incidentId, String type) {
        return client.preparedQuery("update action_execution set status = 'confirmed', updated_at = now()"
                        + " where incident_id = $1 and type = $2 and status in ('queued', 'published')")
                .execute(Tuple.of(incidentId, type)).map(RowSet::rowCount);
    }

    public Uni<List<ExecutionRow>> ofIncident(SqlClient client, UUID incidentId) {
        return client.preparedQuery("select " + COLUMNS + " where e.incident_id = $1 order by e.action_index")
                .execute(Tuple.of(incidentId)).map(ExecutionStore::all);
    }

    /** Newest first. */
    public Uni<List<ExecutionRow>> list(SqlClient client, Filter filter) {
        return client.preparedQuery("select " + COLUMNS + " where i.project = $1"
                        + " and ($2::text is null or i.environment = $2) and ($3::text is null or i.flag_key = $3)"
                        + " and ($4::text is null or i.rule_id = $4) and ($5::text is null or e.type = $5)"
                        + " and ($6::text is null or e.status = $6)"
                        + " and ($7::timestamptz is null or e.created_at >= $7)"
                        + " and ($8::timestamptz is null or e.created_at < $8)"
                        + " order by e.created_at desc, e.incident_id, e.action_index limit $9")
                .execute(Sql.tuple(filter.project(), filter.environment(), filter.flagKey(),
                        filter.ruleId(), filter.type(), filter.status(), Sql.utc(filter.from()),
                        Sql.utc(filter.to()), filter.limit()))
                .map(ExecutionStore::all);
    }

    private static List<ExecutionRow> all(RowSet<Row> rows) {
        List<ExecutionRow> executions = new ArrayList<>(rows.size());
        for (Row row : rows) {
            executions.add(new ExecutionRow(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getInteger(5), row.getString(6), row.getString(7), row.getUUID(8),
                    row.getString(9), row.getInteger(10), row.getInteger(11), row.getString(12), row.getString(13),
                    row.getString(14), Sql.instant(row.getOffsetDateTime(15)),
                    Sql.instant(row.getOffsetDateTime(16)), Sql.instant(row.getOffsetDateTime(17))));
        }
        return executions;
    }
}

