#!/usr/bin/env bash
# Consume throughput of analytics-service: SpanBatch messages waiting in its queue, read from RabbitMQ
# and committed as aggregates (series at three resolutions, sessions, error groups, calls) in
# PostgreSQL, by the packaged app with its shipped JVM settings. The messages are published while
# the service is stopped, so the figure is the intake's own pace, not the publisher's. Prints the
# figures and writes them to bench/results/. Usage: bench/analytics-intake.sh [messages] [spans/message]
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${1:-600}
SPANS=${2:-512}
PORT=${BENCH_PORT:-18083}
DB=analytics_bench
QUEUE=analytics-bench.ingest
RESULTS=bench/results
mkdir -p "$RESULTS"

./lightswitch ensure-deps >/dev/null
JAR=analytics-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl analytics-service -am

WORK=$(mktemp -d)
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -pl analytics-service -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp"
CP="analytics-service/target/test-classes:analytics-service/target/classes:$(cat "$WORK/cp")"

psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
rabbitmqctl -q delete_queue "$QUEUE" >/dev/null 2>&1 || true
rabbitmqctl -q delete_queue "$QUEUE.dlq" >/dev/null 2>&1 || true

JVM_OPTS=$(sed 's/#.*//' analytics-service/jvm.options | tr -s ' \n' ' ')
PID=
start() {
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT=$PORT \
    QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
    MP_MESSAGING_INCOMING_INGEST_EVENTS_QUEUE_NAME=$QUEUE \
    MP_MESSAGING_INCOMING_INGEST_EVENTS_DEAD_LETTER_QUEUE_NAME=$QUEUE.dlq \
    MP_MESSAGING_INCOMING_FLAG_EVENTS_QUEUE_NAME=analytics-bench.flags \
    MP_MESSAGING_INCOMING_FLAG_EVENTS_DEAD_LETTER_QUEUE_NAME=analytics-bench.flags.dlq \
    LIGHTSWITCH_DETECTION_ENABLED=false \
    java $JVM_OPTS ${BENCH_JAVA_OPTS:-} -jar "$JAR" >>"$WORK/analytics.log" 2>&1 &
  PID=$!
  # Live, not ready: readiness also waits for flag-service's credential list, which the intake does not need.
  for _ in $(seq 1 90); do curl -fsS "http://127.0.0.1:$PORT/q/health/live" >/dev/null 2>&1 && return; sleep 1; done
  tail -50 "$WORK/analytics.log"; exit 1
}
stop() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; }
trap 'stop; cp "$WORK/analytics.log" /tmp/analytics-bench.log; rm -rf "$WORK"' EXIT
consumed() {
  { curl -fsS "http://127.0.0.1:$PORT/q/metrics" 2>/dev/null || true; } \
    | awk '/^lightswitch_analytics_spans_consumed_total/ {printf "%d", $2; found=1} END {if (!found) print 0}'
}
publish() { java -cp "$CP" io.lightswitch.analytics.bench.IntakeLoad "$1" "$SPANS" bench-intake "$2"; }

echo "warm-up (declares the queue, loads the JIT)"
start
publish 40 1 >/dev/null
for _ in $(seq 1 120); do [ "$(consumed)" -ge $((40 * SPANS)) ] && break; sleep 1; done
stop

echo "publishing $MESSAGES messages of $SPANS spans while the service is stopped"
PUBLISHED=$(publish "$MESSAGES" 2)
echo "$PUBLISHED"
TOTAL=$((MESSAGES * SPANS))
start
first=0; first_at=0; done_at=0
while :; do
  now=$(date +%s.%N); c=$(consumed)
  if [ "$first_at" = 0 ] && [ "$c" -gt 0 ]; then first=$c; first_at=$now; fi
  if [ "$c" -ge "$TOTAL" ]; then done_at=$now; break; fi
  kill -0 "$PID" 2>/dev/null || { tail -50 "$WORK/analytics.log"; exit 1; }
  sleep 0.2
done
RSS_MB=$(( $(ps -o rss= -p "$PID") / 1024 ))
PEAK_MB=$(( $(awk '/VmHWM/ {print $2}' "/proc/$PID/status") / 1024 ))
FLUSH=$(curl -fsS "http://127.0.0.1:$PORT/q/metrics" | awk '/^lightswitch_analytics_intake_flush_seconds_(count|sum) / {v[$1]=$2} END {
  for (k in v) if (k ~ /count/) c=v[k]; else s=v[k]; if (c > 0) printf "flushes=%d mean_flush_ms=%.0f", c, 1000*s/c}')
STAGES=$(curl -fsS "http://127.0.0.1:$PORT/q/metrics" | awk -F'[{}"]' '/^lightswitch_analytics_intake_stage_seconds_(sum|count)\{/ {
  split($0, parts, " "); if ($0 ~ /_sum/) s[$3]=parts[2]; else c[$3]=parts[2]} END {
  for (k in s) if (c[k] > 0) printf "%s_ms=%.0f ", k, 1000*s[k]/c[k]}')
SERIES=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select count(*) from analytics.series")
RATE=$(awk -v t="$TOTAL" -v f="$first" -v a="$first_at" -v b="$done_at" 'BEGIN {printf "%d", (t - f) / (b - a)}')
SECONDS_TAKEN=$(awk -v a="$first_at" -v b="$done_at" 'BEGIN {printf "%.1f", b - a}')
REPORT="$(date -u +%Y-%m-%dT%H:%M:%SZ) $MESSAGES messages x $SPANS spans from the queue into committed aggregates, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)
spans=$TOTAL seconds=$SECONDS_TAKEN spans_per_s=$RATE $FLUSH ${STAGES}series_rows=$SERIES rss_mb=$RSS_MB rss_peak_mb=$PEAK_MB jvm=\"$JVM_OPTS ${BENCH_JAVA_OPTS:-}\""
echo "$REPORT"
echo "$REPORT" > "$RESULTS/analytics-intake-latest.txt"
echo "$REPORT" >> "$RESULTS/analytics-intake-history.txt"
