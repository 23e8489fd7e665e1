package io.lightswitch.analytics.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lightswitch.analytics.detection.verdict.Verdict;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.analytics.VerdictEvidence;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tables {@code verdict}, {@code verdict_change} and {@code outbox}, written in the pass's transaction. */
final class VerdictStore {

    /** A flag in one environment, the unit verdicts are read back by. */
    record FlagKey(String project, String environment, String flagKey) {
    }

    /** What one assessment writes: its evidence as stored and published, its flag's rank, its messages. */
    record Write(Assessment assessment, VerdictEvidence evidence, Integer rank) {
    }

    record OutboxMessage(UUID id, String routingKey, byte[] body) {
    }

    private static final String PREVIOUS = """
            select v.project, v.environment, v.flag_key, v.variant, v.service, v.operation, v.metric, v.status,
                   v.previous_status, v.reason, v.evidence::text, v.assessed_at, v.since, v.sentence
            from unnest($1::text[], $2::text[], $3::text[]) as k(project, environment, flag_key)
            join analytics.verdict v
              on v.project = k.project and v.environment = k.environment and v.flag_key = k.flag_key""";

    private static final String UPSERT = """
            insert into analytics.verdict (project, environment, flag_key, variant, metric, service, operation, status,
                                           previous_status, reason, evidence, assessed_at, since, sentence, rank)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12, $13, $14, $15)
            on conflict (project, environment, flag_key, variant, metric, service, operation) do update
               set status = excluded.status, previous_status = excluded.previous_status, reason = excluded.reason,
                   evidence = excluded.evidence, assessed_at = excluded.assessed_at, since = excluded.since,
                   sentence = excluded.sentence, rank = excluded.rank""";

    private static final String CHANGE = """
            insert into analytics.verdict_change (project, environment, flag_key, variant, metric, service, operation,
                                                  status, previous_status, reason, evidence, sentence, at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12, $13)""";

    // clock_timestamp(): rows of one transaction keep the order they were written in.
    private static final String OUTBOX = """
            insert into analytics.outbox (id, routing_key, body, created_at) values ($1, $2, $3, clock_timestamp())""";

    private VerdictStore() {
    }

    static Uni<Map<FlagKey, Map<VerdictKey, StoredVerdict>>> previous(SqlConnection connection, List<FlagKey> flags) {
        Tuple params = Tuple.of(flags.stream().map(FlagKey::project).toArray(String[]::new),
                flags.stream().map(FlagKey::environment).toArray(String[]::new),
                flags.stream().map(FlagKey::flagKey).toArray(String[]::new));
        return connection.preparedQuery(PREVIOUS).execute(params).map(rows -> {
            Map<FlagKey, Map<VerdictKey, StoredVerdict>> byFlag = new HashMap<>();
            for (Row row : rows) {
                Verdict verdict = VerdictMapping.verdict(row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(9),
                        readEvidence(row.getString(10)), row.getOffsetDateTime(11).toInstant(),
                        row.getOffsetDateTime(12).toInstant(), row.getString(13));
                StoredVerdict stored = new StoredVerdict(verdict, row.getString(8));
                byFlag.computeIfAbsent(new FlagKey(row.getString(0), row.getString(1), row.getString(2)),
                        k -> new HashMap<>()).put(stored.key(), stored);
            }
            return byFlag;
        });
    }

    static Uni<Void> save(SqlConnection connection, List<Write> writes, List<OutboxMessage> messages) {
        List<Tuple> verdicts = new ArrayList<>(writes.size());
        List<Tuple> changes = new ArrayList<>();
        for (Write write : writes) {
            Assessment a = write.assessment();
            Verdict v = a.verdict();
            String evidence = json(write.evidence());
            List<Object> key = key(a);
            List<Object> row = new ArrayList<>(key);
            row.add(VerdictMapping.status(v.status()));
            row.add(a.previousStatus());
            row.add(VerdictMapping.reason(v.reason()));
            row.add(evidence);
            row.add(SeriesReader.utc(v.assessedAt()));
            row.add(SeriesReader.utc(v.since()));
            row.add(a.sentence());
            row.add(write.rank());
            verdicts.add(Tuple.tuple(row));
            if (a.statusChanged()) {
                List<Object> change = new ArrayList<>(key);
                change.add(VerdictMapping.status(v.status()));
                change.add(a.previous() == null ? null : VerdictMapping.status(a.previous().verdict().status()));
                change.add(VerdictMapping.reason(v.reason()));
                change.add(evidence);
                change.add(a.sentence());
                change.add(SeriesReader.utc(v.assessedAt()));
                changes.add(Tuple.tuple(change));
            }
        }
        List<Tuple> outbox = messages.stream()
                .map(m -> Tuple.of(m.id(), m.routingKey(), Buffer.buffer(m.body())))
                .toList();
        return batch(connection, UPSERT, verdicts)
                .chain(() -> batch(connection, CHANGE, changes))
                .chain(() -> batch(connection, OUTBOX, outbox));
    }

    private static List<Object> key(Assessment a) {
        Verdict v = a.verdict();
        List<Object> key = new ArrayList<>(7);
        key.add(a.window().project());
        key.add(a.window().environment());
        key.add(a.window().flagKey());
        key.add(v.subject().variant());
        key.add(v.metric().key());
        key.add(v.subject().slice().service());
        key.add(v.subject().slice().operation());
        return key;
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private static String json(VerdictEvidence evidence) {
        try {
            return MessageCodec.mapper().writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VerdictEvidence readEvidence(String json) {
        try {
            return MessageCodec.mapper().readValue(json, VerdictEvidence.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
