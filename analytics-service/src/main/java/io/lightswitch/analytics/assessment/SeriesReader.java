package io.lightswitch.analytics.assessment;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.lightswitch.analytics.aggregate.Sketches;
import io.lightswitch.analytics.detection.Slice;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detection job's reads of table {@code series}, set-based where a pass reads every flag at once. Sums are
 * taken in SQL; latency sketches are merged here, the only place that can.
 */
final class SeriesReader {

    private static final Logger LOG = Logger.getLogger(SeriesReader.class);

    /** A flag with traffic in the lookback, with what flag_state knows of it. */
    record Candidate(String project, String environment, String flagKey, String offVariant, Instant changedAt) {
    }

    private static final String SUMS = """
            sum(s.requests)::bigint, sum(s.errors)::bigint,
            sum(s.latency_n)::bigint, sum(s.latency_sum_log), sum(s.latency_sum_log_sq),
            sum(s.beacons)::bigint, sum(s.beacons_js_error)::bigint,
            sum(s.ttfb_n)::bigint, sum(s.ttfb_sum_log), sum(s.ttfb_sum_log_sq),
            sum(s.lcp_n)::bigint, sum(s.lcp_sum_log), sum(s.lcp_sum_log_sq),
            sum(s.inp_n)::bigint, sum(s.inp_sum_log), sum(s.inp_sum_log_sq),
            sum(s.cls_n)::bigint, sum(s.cls_sum_log), sum(s.cls_sum_log_sq)""";

    // 60 s rows are written with the 10 s ones and are six times fewer to scan.
    private static final String CANDIDATES = """
            select c.project, c.environment, c.flag_key, f.off_variant, f.changed_at
            from (select distinct project, environment, flag_key from analytics.series
                  where resolution = 60 and bucket_start >= $1 and flag_key <> '') c
            left join analytics.flag_state f
                   on f.project = c.project and f.environment = c.environment and f.flag_key = c.flag_key
            where f.deleted is not true
            order by c.project, c.environment, c.flag_key""";

    // Whole minutes come from 60 s rows, the ragged edges from 10 s rows: the resolutions are written together,
    // so the sums are the same with six times fewer rows for long windows.
    private static final String WINDOWS = """
            unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
                with ordinality as w(project, environment, flag_key, start_at, minutes_from, minutes_to, idx)
            join analytics.series s
              on s.project = w.project and s.environment = w.environment and s.flag_key = w.flag_key
             and ((s.resolution = 10 and s.bucket_start >= w.start_at and s.bucket_start < w.minutes_from)
               or (s.resolution = 60 and s.bucket_start >= w.minutes_from and s.bucket_start < w.minutes_to)
               or (s.resolution = 10 and s.bucket_start >= w.minutes_to and s.bucket_start <= $7))""";

    // Per variant over everything, and per (service, operation): the all-traffic and the slice contrasts.
    private static final String WINDOW_TOTALS = "select w.idx, s.variant, s.service, s.operation,"
            + " grouping(s.service, s.operation) <> 0 as all_traffic, " + SUMS + "\nfrom " + WINDOWS + """

            where s.service <> ''
            group by grouping sets ((w.idx, s.variant), (w.idx, s.variant, s.service, s.operation))""";

    private static final String WINDOW_EVENTS = "select w.idx, s.variant, e.key, sum(e.value::numeric)::bigint\nfrom "
            + WINDOWS + """

            cross join lateral jsonb_each_text(
                case when jsonb_typeof(s.custom_events) = 'object' then s.custom_events end) e
            where s.service = 'browser' and s.custom_events <> '{}'::jsonb
            group by w.idx, s.variant, e.key""";

    private static final String RANGES = """
            unnest($3::timestamptz[], $4::timestamptz[]) with ordinality as r(from_at, to_at, idx)
            join analytics.series s
              on s.project = $1 and s.environment = $2 and s.flag_key = '' and s.variant = '' and s.resolution = $5
             and s.bucket_start >= r.from_at and s.bucket_start < r.to_at
            join unnest($6::text[], $7::text[]) as p(service, operation)
              on s.service = p.service and s.operation = p.operation""";

    private static final String RANGE_TOTALS = "select r.idx, " + SUMS + "\nfrom " + RANGES + "\ngroup by r.idx";

    private static final String RANGE_EVENTS = "select r.idx, e.key, sum(e.value::numeric)::bigint\nfrom " + RANGES
            + """

            cross join lateral jsonb_each_text(
                case when jsonb_typeof(s.custom_events) = 'object' then s.custom_events end) e
            where s.custom_events <> '{}'::jsonb
            group by r.idx, e.key""";

    private static final String SKETCHES = """
            select s.latency_sketch
            from unnest($5::timestamptz[], $6::timestamptz[]) as r(from_at, to_at)
            join analytics.series s
              on s.project = $1 and s.environment = $2 and s.flag_key = $3 and s.variant = $4 and s.resolution = $7
             and s.bucket_start >= r.from_at and s.bucket_start < r.to_at
            where s.service not in ('', 'browser') and s.latency_sketch is not null""";

    private static final String SKETCHES_OF_SLICES = SKETCHES + """

              and (s.service, s.operation) in (select * from unnest($8::text[], $9::text[]))""";

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private SeriesReader() {
    }

    static Uni<List<Candidate>> candidates(SqlConnection connection, Instant activeSince) {
        return connection.preparedQuery(CANDIDATES).execute(Tuple.of(utc(activeSince))).map(rows -> {
            List<Candidate> candidates = new ArrayList<>();
            for (Row row : rows) {
                OffsetDateTime changedAt = row.getOffsetDateTime(4);
                candidates.add(new Candidate(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                        changedAt == null ? null : changedAt.toInstant()));
            }
            return candidates;
        });
    }

    /** Totals per variant and per (variant, service, operation) of each flag in its window, in input order. */
    static Uni<List<FlagData>> flagData(SqlConnection connection, List<FlagWindow> windows, Instant end) {
        OffsetDateTime[] minutesFrom = new OffsetDateTime[windows.size()];
        OffsetDateTime[] minutesTo = new OffsetDateTime[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            Instant from = FlagWindow.ceil(windows.get(i).start(), MINUTE);
            Instant to = FlagWindow.floor(end, MINUTE);
            boolean wholeMinutes = from.isBefore(to);
            minutesFrom[i] = utc(wholeMinutes ? from : windows.get(i).start());
            minutesTo[i] = utc(wholeMinutes ? to : windows.get(i).start());
        }
        Tuple params = Tuple.from(List.of(
                windows.stream().map(FlagWindow::project).toArray(String[]::new),
                windows.stream().map(FlagWindow::environment).toArray(String[]::new),
                windows.stream().map(FlagWindow::flagKey).toArray(String[]::new),
                windows.stream().map(w -> utc(w.start())).toArray(OffsetDateTime[]::new),
                minutesFrom, minutesTo, utc(end)));
        return connection.preparedQuery(WINDOW_TOTALS).execute(params)
                .chain(totals -> connection.preparedQuery(WINDOW_EVENTS).execute(params)
                        .map(events -> assemble(windows, totals, events)));
    }

    /** Baseline totals over each range, in range order; empty totals for a range without rows. */
    static Uni<List<Totals>> baseline(SqlConnection connection, FlagWindow window, List<Slice> slices,
                                      List<CohortRows.Range> ranges, int resolution) {
        Tuple params = Tuple.from(List.of(window.project(), window.environment(),
                ranges.stream().map(r -> utc(r.from())).toArray(OffsetDateTime[]::new),
                ranges.stream().map(r -> utc(r.to())).toArray(OffsetDateTime[]::new),
                resolution,
                slices.stream().map(Slice::service).toArray(String[]::new),
                slices.stream().map(Slice::operation).toArray(String[]::new)));
        return connection.preparedQuery(RANGE_TOTALS).execute(params)
                .chain(totals -> connection.preparedQuery(RANGE_EVENTS).execute(params).map(events -> {
                    Totals[] byRange = new Totals[ranges.size()];
                    java.util.Arrays.fill(byRange, Totals.EMPTY);
                    for (Row row : totals) {
                        byRange[index(row)] = totals(row, 1);
                    }
                    Map<Integer, Map<String, Long>> eventsByRange = new HashMap<>();
                    for (Row row : events) {
                        eventsByRange.computeIfAbsent(index(row), i -> new HashMap<>())
                                .put(row.getString(1), row.getLong(2));
                    }
                    eventsByRange.forEach((i, names) -> byRange[i] = byRange[i].withCustomEvents(names));
                    return List.of(byRange);
                }));
    }

    /**
     * The merged latency sketch of a set of rows. Read at the coarsest resolution with at most about 120 buckets
     * per range, with each range rounded inward to it: percentiles need every request, not exact edges.
     */
    static Uni<DDSketch> latency(SqlConnection connection, String project, String environment, CohortRows rows) {
        List<CohortRows.Range> ranges = rows.ranges();
        Duration longest = ranges.stream().map(r -> Duration.between(r.from(), r.to())).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        int resolution = Math.max(rows.minResolution(), longest.compareTo(Duration.ofMinutes(20)) <= 0 ? 10
                : longest.compareTo(Duration.ofHours(2)) <= 0 ? 60 : 3600);
        Duration step = Duration.ofSeconds(resolution);
        List<Object> params = new ArrayList<>(List.of(project, environment, rows.flagKey(), rows.variant(),
                ranges.stream().map(r -> utc(FlagWindow.ceil(r.from(), step))).toArray(OffsetDateTime[]::new),
                ranges.stream().map(r -> utc(r.to())).toArray(OffsetDateTime[]::new),
                resolution));
        String sql = SKETCHES;
        if (!rows.slices().isEmpty()) {
            sql = SKETCHES_OF_SLICES;
            params.add(rows.slices().stream().map(Slice::service).toArray(String[]::new));
            params.add(rows.slices().stream().map(Slice::operation).toArray(String[]::new));
        }
        return connection.preparedQuery(sql).execute(Tuple.from(params)).map(found -> {
            DDSketch merged = Sketches.newLatency();
            int unreadable = 0;
            for (Row row : found) {
                try {
                    merged.mergeWith(Sketches.latency(row.getBuffer(0).getBytes()));
                } catch (RuntimeException e) {
                    unreadable++;
                }
            }
            if (unreadable > 0) {
                // percentiles are evidence, not the judgement: a damaged sketch must not stop the pass
                LOG.warnf("skipped %d unreadable latency sketches of %s/%s %s=%s", unreadable, project, environment,
                        rows.flagKey(), rows.variant());
            }
            return merged;
        });
    }

    private static List<FlagData> assemble(List<FlagWindow> windows, RowSet<Row> totals, RowSet<Row> events) {
        List<Map<String, Totals>> variants = new ArrayList<>();
        List<Map<String, Map<Slice, Totals>>> slices = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            variants.add(new HashMap<>());
            slices.add(new HashMap<>());
        }
        for (Row row : totals) {
            int flag = index(row);
            String variant = row.getString(1);
            if (row.getBoolean(4)) {
                variants.get(flag).merge(variant, totals(row, 5), Totals::plus);
            } else {
                slices.get(flag).computeIfAbsent(variant, v -> new HashMap<>())
                        .put(new Slice(row.getString(2), row.getString(3)), totals(row, 5));
            }
        }
        Map<Integer, Map<String, Map<String, Long>>> eventsByFlag = new HashMap<>();
        for (Row row : events) {
            eventsByFlag.computeIfAbsent(index(row), i -> new HashMap<>())
                    .computeIfAbsent(row.getString(1), v -> new HashMap<>())
                    .put(row.getString(2), row.getLong(3));
        }
        eventsByFlag.forEach((flag, byVariant) -> byVariant.forEach((variant, names) ->
                variants.get(flag).merge(variant, Totals.EMPTY.withCustomEvents(names), Totals::plus)));
        List<FlagData> data = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            data.add(new FlagData(windows.get(i), variants.get(i), slices.get(i)));
        }
        return data;
    }

    private static Totals totals(Row row, int first) {
        return new Totals(row.getLong(first), row.getLong(first + 1), logSums(row, first + 2),
                row.getLong(first + 5), row.getLong(first + 6), logSums(row, first + 7), logSums(row, first + 10),
                logSums(row, first + 13), logSums(row, first + 16), Map.of());
    }

    private static Totals.LogSums logSums(Row row, int first) {
        return new Totals.LogSums(row.getLong(first), row.getDouble(first + 1), row.getDouble(first + 2));
    }

    /** Position in the input of a row's flag or range: the 1-based ordinality of unnest. */
    private static int index(Row row) {
        return Math.toIntExact(row.getLong(0)) - 1;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
