#!/usr/bin/env bash
# OTLP/HTTP protobuf trace ingest under load (512 spans of ~20 attributes per request, answered only
# after RabbitMQ confirmed the SpanBatch), against the packaged ingest-service with its shipped JVM
# settings, compared with POST /ping of the same app carrying the same body (the ceiling). Prints the
# figures and writes them to bench/results/. Usage: bench/ingest.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${1:-12}
DURATION=${2:-10}
PORT=${BENCH_PORT:-14318}
GRPC_PORT=${BENCH_GRPC_PORT:-14317}
SPANS=512
THREADS=2
RESULTS=bench/results
mkdir -p "$RESULTS"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
./lightswitch ensure-deps >/dev/null
JAR=ingest-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl ingest-service -am

WORK=$(mktemp -d)
BODY=$WORK/traces.pb
# one reactor run, so the contracts module resolves to its freshly compiled classes
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -pl ingest-service -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp"
java -cp "ingest-service/target/test-classes:ingest-service/target/classes:$(cat "$WORK/cp")" \
  io.lightswitch.ingest.bench.OtlpBodyGenerator protobuf "$BODY" "$SPANS"

# Anonymous ingest: no flag-service needed. SpanBatch messages go to lightswitch.ingest.events with
# routing key spans.batch; with no queue bound there the broker drops them after confirming.
LOG=$WORK/ingest.log
# shellcheck disable=SC2046
MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT=$PORT QUARKUS_GRPC_SERVER_PORT=$GRPC_PORT \
  LIGHTSWITCH_INGEST_ALLOW_ANONYMOUS=true \
  java $(cat ingest-service/jvm.options) ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { tail -50 "$LOG"; exit 1; }
BOUND=$(rabbitmqctl -q list_bindings source_name routing_key destination_name 2>/dev/null \
  | awk '$1=="lightswitch.ingest.events" && $2=="spans.batch" {print $3}' | tr '\n' ' ' || true)
[ -z "$BOUND" ] || echo "note: queue(s) bound to spans.batch will receive the bench's batches: $BOUND" >&2

# CPU time of the service per request: unlike throughput, it hardly moves when other work shares the cores
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
run() { # name path
  OTLP_BODY=$BODY wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/ingest-otlp.lua \
    -H 'Content-Type: application/x-protobuf' "http://127.0.0.1:$PORT$2" >/dev/null
  local before result requests
  before=$(cpu_ticks)
  result=$(OTLP_BODY=$BODY wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/ingest-otlp.lua \
    -H 'Content-Type: application/x-protobuf' "http://127.0.0.1:$PORT$2" | grep '^RESULT' | sed "s/^RESULT/$1/")
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
  echo "$result service_cpu_ms_per_request=$(( ($(cpu_ticks) - before) * 1000 / $(getconf CLK_TCK) / (requests > 0 ? requests : 1) ))"
}
INGEST=$(run ingest /v1/traces)
RSS_MB=$(( $(ps -o rss= -p $PID) / 1024 ))
CEILING=$(run ceiling /ping)
PEAK_MB=$(( $(awk '/VmHWM/ {print $2}' /proc/$PID/status) / 1024 ))
kill -0 $PID 2>/dev/null || { tail -50 "$LOG"; exit 1; }

field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
spans_per_s=$(( $(field ok_per_s "$INGEST") * SPANS ))
ceiling_spans_per_s=$(( $(field ok_per_s "$CEILING") * SPANS ))
REPORT="$(date -u +%Y-%m-%dT%H:%M:%SZ) wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after 5 s warm-up), $SPANS spans/request ($(stat -c %s "$BODY") bytes), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)
$INGEST spans_per_s=$spans_per_s
$CEILING spans_per_s=$ceiling_spans_per_s
ingest_share_of_ceiling=$(( 100 * spans_per_s / (ceiling_spans_per_s > 0 ? ceiling_spans_per_s : 1) ))% rss_mb=$RSS_MB rss_peak_mb=$PEAK_MB jvm=\"$(cat ingest-service/jvm.options) ${BENCH_JAVA_OPTS:-}\""
echo "$REPORT"
echo "$REPORT" > "$RESULTS/ingest-latest.txt"
echo "$REPORT" >> "$RESULTS/ingest-history.txt"
