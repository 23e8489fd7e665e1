package io.lightswitch.workflow.persistence;

import io.lightswitch.workflow.domain.incident.IncidentSubject;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Table {@code incident}. */
@ApplicationScoped
public class IncidentStore {

    private static final String COLUMNS = """
            id, trigger, rule_id, rule_name, project, environment, flag_key, variant, metric, service, operation,
            window_since, dry_run, status, opened_at, closed_at, close_reason, evidence::text, verdicts, last_seen_at""";

    private static final String INSERT = """
            insert into incident (id, trigger, rule_id, rule_name, project, environment, flag_key, variant, metric,
                                  service, operation, window_since, dry_run, status, opened_at, closed_at,
                                  close_reason, evidence, verdicts, last_seen_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::text::jsonb, $19,
                    $20)
            on conflict (id) do nothing
            returning id""";

    private static final String LAST_OPENED = """
            select max(opened_at) from incident
            where rule_id = $1 and project = $2 and environment = $3 and flag_key = $4 and variant = $5
              and metric = $6 and id <> $7""";

    /** Filters of a listing; null means any. */
    public record Filter(String project, String environment, String flagKey, String ruleId, String status,
                         String trigger, Instant from, Instant to, int limit) {
    }

    /**
     * Serialises the decisions about one rule and subject (cooldown, then insert) across transactions and
     * replicas until this transaction ends; decisions about other subjects go on in parallel.
     */
    public Uni<Void> lockSubject(SqlClient client, String ruleId, IncidentSubject subject) {
        String key = String.join("\u001f", ruleId, subject.project(), subject.environment(), subject.flagKey(),
                subject.variant(), subject.metric());
        return client.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(key)).replaceWithVoid();
    }

    /** Counts one more message about an existing incident; false when there is no such incident. */
    public Uni<Boolean> touch(SqlClient client, UUID id, Instant seenAt) {
        return client.preparedQuery("update incident set verdicts = verdicts + 1,"
                        + " last_seen_at = greatest(last_seen_at, $2) where id = $1")
                .execute(Tuple.of(id, Sql.utc(seenAt))).map(rows -> rows.rowCount() == 1);
    }

    /** When the rule's last incident on the subject other than {@code excluding} opened, or null. */
    public Uni<Instant> lastOpenedAt(SqlClient client, String ruleId, IncidentSubject subject, UUID excluding) {
        return client.preparedQuery(LAST_OPENED)
                .execute(Sql.tuple(ruleId, subject.project(), subject.environment(), subject.flagKey(),
                        subject.variant(), subject.metric(), excluding))
                .map(rows -> {
                    OffsetDateTime last = rows.iterator().next().getOffsetDateTime(0);
                    return last == null ? null : last.toInstant();
                });
    }

    public Uni<Boolean> insert(SqlClient client, IncidentRow row) {
        List<Object> values = new ArrayList<>(20);
        values.add(row.id());
        values.add(row.trigger());
        values.add(row.ruleId());
        values.add(row.ruleName());
        values.add(row.project());
        values.add(row.environment());
        values.add(row.flagKey());
        values.add(row.variant());
        values.add(row.metric());
        values.add(row.service());
        values.add(row.operation());
        values.add(Sql.utc(row.windowSince()));
        values.add(row.dryRun());
        values.add(row.status());
        values.add(Sql.utc(row.openedAt()));
        values.add(Sql.utc(row.closedAt()));
        values.add(row.closeReason());
        values.add(row.evidence());
        values.add(row.verdicts());
        values.add(Sql.utc(row.lastSeenAt()));
        return client.preparedQuery(INSERT).execute(Tuple.from(values)).map(rows -> rows.rowCount() == 1);
    }

    /** Open verdict incidents on a subject, locked until the transaction ends. */
    public Uni<List<IncidentRow>> openOnSubject(SqlClient client, IncidentSubject subject) {
        return client.preparedQuery("select " + COLUMNS + " from incident where status = 'open'"
                        + " and trigger = 'VERDICT' and project = $1 and environment = $2 and flag_key = $3"
                        + " and variant = $4 and metric = $5 order by opened_at for update")
                .execute(Tuple.of(subject.project(), subject.environment(), subject.flagKey(), subject.variant(),
                        subject.metric()))
                .map(IncidentStore::all);
    }

    /**
     * Verdict incidents of a rule on a flag that a confirmation from flag-service can still change: open, or
     * with a command not yet confirmed. Locked until the transaction ends.
     */
    public Uni<List<IncidentRow>> awaitingConfirmation(SqlClient client, String ruleId, String project,
                                                       String flagKey) {
        return client.preparedQuery("select " + COLUMNS + " from incident i where trigger = 'VERDICT'"
                        + " and rule_id = $1 and project = $2 and flag_key = $3"
                        + " and (status = 'open' or exists (select 1 from action_execution e"
                        + " where e.incident_id = i.id and e.status in ('queued', 'published')))"
                        + " order by opened_at for update")
                .execute(Tuple.of(ruleId, project, flagKey))
                .map(IncidentStore::all);
    }

    public Uni<Boolean> close(SqlClient client, UUID id, Instant at, String reason) {
        return client.preparedQuery("update incident set status = 'closed', closed_at = $2, close_reason = $3"
                        + " where id = $1 and status = 'open'")
                .execute(Tuple.of(id, Sql.utc(at), reason)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<IncidentRow> find(SqlClient client, String project, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from incident where project = $1 and id = $2")
                .execute(Tuple.of(project, id))
                .map(rows -> {
                    var iterator = rows.iterator();
                    return iterator.hasNext() ? read(iterator.next()) : null;
                });
    }

    /** Newest first. */
    public Uni<List<IncidentRow>> list(SqlClient client, Filter filter) {
        return client.preparedQuery("select " + COLUMNS + " from incident where project = $1"
                        + " and ($2::text is null or environment = $2) and ($3::text is null or flag_key = $3)"
                        + " and ($4::text is null or rule_id = $4) and ($5::text is null or status = $5)"
                        + " and ($6::text is null or trigger = $6)"
                        + " and ($7::timestamptz is null or opened_at >= $7)"
                        + " and ($8::timestamptz is null or opened_at < $8)"
                        + " order by opened_at desc, id limit $9")
                .execute(Sql.tuple(filter.project(), filter.environment(), filter.flagKey(), filter.ruleId(),
                        filter.status(), filter.trigger(), Sql.utc(filter.from()), Sql.utc(filter.to()),
                        filter.limit()))
                .map(IncidentStore::all);
    }

    private static List<IncidentRow> all(RowSet<Row> rows) {
        List<IncidentRow> incidents = new ArrayList<>(rows.size());
        for (Row row : rows) {
            incidents.add(read(row));
        }
        return incidents;
    }

    private static IncidentRow read(Row row) {
        return new IncidentRow(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), Sql.instant(row.getOffsetDateTime(11)), row.getBoolean(12),
                row.getString(13), Sql.instant(row.getOffsetDateTime(14)), Sql.instant(row.getOffsetDateTime(15)),
                row.getString(16), row.getString(17), row.getInteger(18), Sql.instant(row.getOffsetDateTime(19)));
    }
}
