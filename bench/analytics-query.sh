#!/usr/bin/env bash
# Impact query latency of analytics-service over 24 h of data for 100 flags: 10 s, 1 min and 1 h
# series rows for two variants of each flag (as the intake writes them at 100 requests/s per variant),
# plus verdicts and flag changes, then wrk asks for the impact of a random flag over the last 24 h
# (default step, 15 min: minute rows and their sketches). Prints the figures and writes them to
# bench/results/. Usage: bench/analytics-query.sh [connections] [seconds] [flags]
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${1:-4}
DURATION=${2:-15}
FLAGS=${3:-100}
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
PORT=${BENCH_PORT:-18084}
DB=analytics_query_bench
RESULTS=bench/results
mkdir -p "$RESULTS"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
./lightswitch ensure-deps >/dev/null
JAR=analytics-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl analytics-service -am
WORK=$(mktemp -d)
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -pl analytics-service -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp"
CP="analytics-service/target/test-classes:analytics-service/target/classes:$(cat "$WORK/cp")"

# REUSE=1 keeps the seeded database of an earlier run (seeding takes minutes).
REUSE=${REUSE:-0}
if [ "$REUSE" != 1 ] || ! psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select 1 from analytics.series limit 1" 2>/dev/null | grep -q 1; then
  REUSE=0
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
fi
JVM_OPTS=$(sed 's/#.*//' analytics-service/jvm.options | tr -s ' \n' ' ')
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  MP_MESSAGING_INCOMING_INGEST_EVENTS_QUEUE_NAME=analytics-qbench.ingest \
  MP_MESSAGING_INCOMING_INGEST_EVENTS_DEAD_LETTER_QUEUE_NAME=analytics-qbench.ingest.dlq \
  MP_MESSAGING_INCOMING_FLAG_EVENTS_QUEUE_NAME=analytics-qbench.flags \
  MP_MESSAGING_INCOMING_FLAG_EVENTS_DEAD_LETTER_QUEUE_NAME=analytics-qbench.flags.dlq \
  LIGHTSWITCH_DETECTION_ENABLED=false LIGHTSWITCH_RETENTION_ENABLED=false \
  java $JVM_OPTS ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/analytics.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 90); do curl -fsS "http://127.0.0.1:$PORT/q/health/live" >/dev/null 2>&1 && break; sleep 1; done

if [ "$REUSE" = 0 ]; then
echo "seeding 24 h of series for $FLAGS flags x 2 variants at 10 s, 1 min and 1 h"
SEED_START=$(date +%s)
while read -r resolution latency users; do
  psql -h 127.0.0.1 -U postgres -d "$DB" -q -v ON_ERROR_STOP=1 <<SQL
insert into analytics.series (id, resolution, bucket_start, project, environment, flag_key, variant, service,
    operation, requests, errors, latency_n, latency_sum_log, latency_sum_log_sq, latency_sketch, users_hll)
select concat_ws(chr(31), $resolution, extract(epoch from b)::bigint, 'bench-query', 'production', 'flag-' || f, v,
           'checkout', 'POST /pay'),
       $resolution, b, 'bench-query', 'production', 'flag-' || f, v, 'checkout', 'POST /pay',
       100 * $resolution, case when v = 'on' then 3 * $resolution else 1 * $resolution end,
       100 * $resolution, 100 * $resolution * 3.0, 100 * $resolution * 9.25,
       decode('$latency', 'hex'), decode('$users', 'hex')
from generate_series(date_bin('${resolution} seconds', now() - interval '24 hours', timestamptz '2000-01-01'),
                     now(), interval '$resolution seconds') b,
     generate_series(0, $FLAGS - 1) f, (values ('on'), ('off')) as variants(v);
SQL
done < <(java -cp "$CP" io.lightswitch.analytics.bench.QuerySeedSketches)
psql -h 127.0.0.1 -U postgres -d "$DB" -q -v ON_ERROR_STOP=1 <<SQL
insert into analytics.flag_change (id, project, environment, flag_key, flag_version, change, actor_kind, actor_id,
    actor_name, reason, occurred_at, source)
select gen_random_uuid()::text, 'bench-query', 'production', 'flag-' || f, v, 'rollout', 'user', 'tok', 'bench',
       'rollout step', now() - (v * interval '6 hours'), 'flag-service'
from generate_series(0, $FLAGS - 1) f, generate_series(1, 3) v;
insert into analytics.verdict (project, environment, flag_key, variant, metric, status, reason, evidence,
    assessed_at, since, sentence)
select 'bench-query', 'production', 'flag-' || f, 'on', m, 'healthy', 'no_significant_change', '{}'::jsonb, now(),
       now() - interval '1 hour', 'no change'
from generate_series(0, $FLAGS - 1) f, (values ('error_rate'), ('latency')) as metrics(m);
analyze;
SQL
echo "seeded in $(( $(date +%s) - SEED_START )) s"
fi
ROWS=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select count(*) from analytics.series")

STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer dev-admin-token' \
  "http://127.0.0.1:$PORT/api/v1/projects/bench-query/environments/production/flags/flag-0/impact?window=24h")
[ "$STATUS" = 200 ] || { echo "impact query answered $STATUS"; tail -30 "$WORK/analytics.log"; exit 1; }

FLAGS=$FLAGS wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/analytics-query.lua "http://127.0.0.1:$PORT" >/dev/null
RESULT=$(FLAGS=$FLAGS wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/analytics-query.lua \
  "http://127.0.0.1:$PORT" | grep '^RESULT' | sed 's/^RESULT/impact_24h/')
RSS_MB=$(( $(ps -o rss= -p "$PID") / 1024 ))
REPORT="$(date -u +%Y-%m-%dT%H:%M:%SZ) wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after 5 s warm-up), $FLAGS flags x 2 variants, $ROWS series rows (24 h at 10 s / 1 min / 1 h), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)
$RESULT rss_mb=$RSS_MB jvm=\"$JVM_OPTS\""
echo "$REPORT"
echo "$REPORT" > "$RESULTS/analytics-query-latest.txt"
echo "$REPORT" >> "$RESULTS/analytics-query-history.txt"
