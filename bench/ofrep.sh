#!/usr/bin/env bash
# OFREP single-flag evaluation under load, against the packaged flag-service with its shipped JVM
# settings, compared with a trivial endpoint of the same app (the ceiling). Prints the figures and
# writes them to bench/results/. Usage: bench/ofrep.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${1:-50}
DURATION=${2:-10}
PORT=${BENCH_PORT:-18081}
THREADS=2
ADMIN=bench-admin-token
RESULTS=bench/results
mkdir -p "$RESULTS"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
./lightswitch ensure-deps >/dev/null
JAR=flag-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl flag-service -am

LOG=$(mktemp)
# shellcheck disable=SC2046
MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT=$PORT LIGHTSWITCH_ADMIN_BOOTSTRAP_TOKEN=$ADMIN \
  java $(cat flag-service/jvm.options) -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { tail -50 "$LOG"; exit 1; }

api() { curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$@"; }
PROJECT="bench-$(date +%s)"
SERVER_KEY=$(api -X POST "http://127.0.0.1:$PORT/api/v1/projects" \
  -d "{\"key\":\"$PROJECT\",\"name\":\"Benchmark\",\"environments\":[\"production\"]}" \
  | python3 -c 'import json,sys; e=json.load(sys.stdin)["environments"][0]; print([k["secret"] for k in e["keys"] if k["kind"]=="server"][0])')
api -X POST "http://127.0.0.1:$PORT/api/v1/projects/$PROJECT/flags" \
  -d '{"key":"checkout","name":"Checkout","type":"boolean"}' >/dev/null
# Five rules as in the target: four that rarely match, then a 10% split for everyone else.
api -X PUT "http://127.0.0.1:$PORT/api/v1/projects/$PROJECT/flags/checkout/environments/production" -d '{
  "enabled": true,
  "rules": [
    {"id":"staff","conditions":[{"attribute":"email","operator":"ends_with","values":["@corp.example"]}],"serve":{"variant":"on"}},
    {"id":"beta","conditions":[{"attribute":"groups","operator":"in","values":["beta","canary"]}],"serve":{"variant":"on"}},
    {"id":"old-app","conditions":[{"attribute":"appVersion","operator":"semver_lt","values":["1.0.0"]}],"serve":{"variant":"off"}},
    {"id":"blocked","match":"all","conditions":[{"attribute":"country","operator":"in","values":["xx","yy"]},{"attribute":"plan","operator":"equals","values":["free"]}],"serve":{"variant":"off"}},
    {"id":"rollout","serve":{"split":[{"variant":"on","weight":10},{"variant":"off","weight":90}]}}
  ],
  "defaultServe":{"variant":"off"}}' >/dev/null

run() { # name url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/ofrep-eval.lua -H "Authorization: Bearer $SERVER_KEY" \
    -H 'Content-Type: application/json' "$2" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/ofrep-eval.lua \
    -H "Authorization: Bearer $SERVER_KEY" -H 'Content-Type: application/json' "$2" | grep '^RESULT' | sed "s/^RESULT/$1/"
}
OFREP=$(run ofrep "http://127.0.0.1:$PORT/ofrep/v1/evaluate/flags/checkout")
CEILING=$(run ceiling "http://127.0.0.1:$PORT/ping")
RSS_MB=$(( $(ps -o rss= -p $PID) / 1024 ))

ofrep_rps=$(sed -E 's/.*requests_per_s=([0-9]+).*/\1/' <<<"$OFREP")
ceiling_rps=$(sed -E 's/.*requests_per_s=([0-9]+).*/\1/' <<<"$CEILING")
REPORT="$(date -u +%Y-%m-%dT%H:%M:%SZ) wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after 5 s warm-up), $(nproc) cores
$OFREP
$CEILING
ofrep_share_of_ceiling=$(( 100 * ofrep_rps / ceiling_rps ))% rss_mb=$RSS_MB jvm=\"$(cat flag-service/jvm.options)\""
echo "$REPORT"
echo "$REPORT" > "$RESULTS/ofrep-latest.txt"
echo "$REPORT" >> "$RESULTS/ofrep-history.txt"
