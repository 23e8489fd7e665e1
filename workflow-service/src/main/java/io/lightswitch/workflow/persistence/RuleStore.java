package io.lightswitch.workflow.persistence;

import io.lightswitch.workflow.domain.rule.FlagSelector;
import io.lightswitch.workflow.domain.rule.Rule;
import io.lightswitch.workflow.domain.rule.Scope;
import io.lightswitch.workflow.domain.rule.Trigger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Table {@code rule}. */
@ApplicationScoped
public class RuleStore {

    private static final String COLUMNS = """
            id, project, environment, name, trigger, flag_selector, flag_value, metric, condition::text, min_samples,
            cooldown_ms, enabled, dry_run, actions::text, default_guard, version, created_at, updated_at""";

    private static final String INSERT = """
            insert into rule (id, project, environment, name, trigger, flag_selector, flag_value, metric, condition,
                              min_samples, cooldown_ms, enabled, dry_run, actions, default_guard, version, created_at,
                              updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11, $12, $13, $14::text::jsonb, $15, $16,
                    $17, $18)
            on conflict (id) do nothing
            returning id""";

    private static final String UPDATE = """
            update rule set name = $4, trigger = $5, flag_selector = $6, flag_value = $7, metric = $8,
                            condition = $9::text::jsonb, min_samples = $10, cooldown_ms = $11, enabled = $12,
                            dry_run = $13, actions = $14::text::jsonb, version = version + 1, updated_at = $15
            where id = $1 and project = $2 and environment = $3 and version = $16
            returning\s""" + COLUMNS;

    public Uni<Boolean> insertIfAbsent(SqlClient client, StoredRule stored) {
        Rule rule = stored.rule();
        List<Object> values = new ArrayList<>(List.of(rule.id(), stored.project(), stored.environment(), rule.name(),
                rule.trigger().name(), selectorKind(rule.scope().flags())));
        values.add(selectorValue(rule.scope().flags()));
        values.add(rule.metric());
        values.add(RuleDocuments.condition(rule.condition()));
        values.add(rule.minSamples());
        values.add(rule.cooldown().toMillis());
        values.add(rule.enabled());
        values.add(rule.dryRun());
        values.add(RuleDocuments.actions(rule.actions()));
        values.add(stored.defaultGuard());
        values.add(stored.version());
        values.add(Sql.utc(stored.createdAt()));
        values.add(Sql.utc(stored.updatedAt()));
        return client.preparedQuery(INSERT).execute(Tuple.from(values)).map(rows -> rows.rowCount() == 1);
    }

    /** The updated rule, or null when it is gone or its version is no longer {@code expectedVersion}. */
    public Uni<StoredRule> update(SqlClient client, Rule rule, long expectedVersion, Instant now) {
        List<Object> values = new ArrayList<>(List.of(rule.id(), rule.scope().project(), rule.scope().environment(),
                rule.name(), rule.trigger().name(), selectorKind(rule.scope().flags())));
        values.add(selectorValue(rule.scope().flags()));
        values.add(rule.metric());
        values.add(RuleDocuments.condition(rule.condition()));
        values.add(rule.minSamples());
        values.add(rule.cooldown().toMillis());
        values.add(rule.enabled());
        values.add(rule.dryRun());
        values.add(RuleDocuments.actions(rule.actions()));
        values.add(Sql.utc(now));
        values.add(expectedVersion);
        return client.preparedQuery(UPDATE).execute(Tuple.from(values)).map(RuleStore::first);
    }

    public Uni<StoredRule> find(SqlClient client, String project, String environment, String id) {
        return client.preparedQuery("select " + COLUMNS + " from rule where project = $1 and environment = $2"
                        + " and id = $3")
                .execute(Tuple.of(project, environment, id)).map(RuleStore::first);
    }

    /** @param trigger null for both */
    public Uni<List<StoredRule>> list(SqlClient client, String project, String environment, Trigger trigger) {
        return client.preparedQuery("select " + COLUMNS + " from rule where project = $1 and environment = $2"
                        + " and ($3::text is null or trigger = $3) order by created_at, id")
                .execute(Tuple.of(project, environment, trigger == null ? null : trigger.name()))
                .map(RuleStore::all);
    }

    /**
     * Enabled rules of a trigger that a message about {@code environment} can reach; a null environment (a
     * project-level flag change) reaches every environment of the project.
     */
    public Uni<List<Rule>> enabled(SqlClient client, String project, String environment, Trigger trigger) {
        return client.preparedQuery("select " + COLUMNS + " from rule where project = $1"
                        + " and ($2::text is null or environment = $2) and trigger = $3 and enabled"
                        + " order by created_at, id")
                .execute(Tuple.of(project, environment, trigger.name()))
                .map(rows -> all(rows).stream().map(StoredRule::rule).toList());
    }

    public Uni<Boolean> delete(SqlClient client, String project, String environment, String id) {
        return client.preparedQuery("delete from rule where project = $1 and environment = $2 and id = $3")
                .execute(Tuple.of(project, environment, id)).map(rows -> rows.rowCount() == 1);
    }

    private static StoredRule first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? read(iterator.next()) : null;
    }

    private static List<StoredRule> all(RowSet<Row> rows) {
        List<StoredRule> rules = new ArrayList<>(rows.size());
        for (Row row : rows) {
            rules.add(read(row));
        }
        return rules;
    }

    private static StoredRule read(Row row) {
        Scope scope = new Scope(row.getString(1), row.getString(2), selector(row.getString(5), row.getString(6)));
        Rule rule = new Rule(row.getString(0), row.getString(3), scope, Trigger.valueOf(row.getString(4)),
                row.getString(7), RuleDocuments.condition(row.getString(8)), row.getLong(9),
                Duration.ofMillis(row.getLong(10)), row.getBoolean(11), row.getBoolean(12),
                RuleDocuments.actions(row.getString(13)));
        return new StoredRule(rule, row.getBoolean(14), row.getLong(15), row.getOffsetDateTime(16).toInstant(),
                row.getOffsetDateTime(17).toInstant());
    }

    private static FlagSelector selector(String kind, String value) {
        return switch (kind) {
            case "key" -> FlagSelector.key(value);
            case "tag" -> FlagSelector.tag(value);
            default -> FlagSelector.all();
        };
    }

    private static String selectorKind(FlagSelector selector) {
        if (selector instanceof FlagSelector.ByKey) {
            return "key";
        }
        return selector instanceof FlagSelector.ByTag ? "tag" : "all";
    }

    private static String selectorValue(FlagSelector selector) {
        if (selector instanceof FlagSelector.ByKey byKey) {
            return byKey.flagKey();
        }
        return selector instanceof FlagSelector.ByTag byTag ? byTag.tag() : null;
    }
}
