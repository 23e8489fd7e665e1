#!/usr/bin/env bash
# Starts two flag-service replicas from the packaged jar on one database and broker, changes a flag
# on one, and measures how long until the other one answers with the change (after the first replica
# has answered the admin request, i.e. after commit). Prints and writes bench/results/propagation-latest.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-50}
ADMIN=bench-admin-token
./lightswitch ensure-deps >/dev/null
JAR=flag-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl flag-service -am
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for port in 18181 18182; do
  # shellcheck disable=SC2046
  MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT=$port LIGHTSWITCH_ADMIN_BOOTSTRAP_TOKEN=$ADMIN \
    java $(cat flag-service/jvm.options) -jar "$JAR" >"/tmp/propagation-$port.log" 2>&1 &
  PIDS+=($!)
done
for port in 18181 18182; do
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
done
RESULT=$(python3 bench/propagation.py http://127.0.0.1:18181 http://127.0.0.1:18182 "$ADMIN" "$ROUNDS")
REPORT="$(date -u +%Y-%m-%dT%H:%M:%SZ) two replicas, one PostgreSQL, one RabbitMQ, $(nproc) cores: $RESULT"
mkdir -p bench/results
echo "$REPORT"
echo "$REPORT" > bench/results/propagation-latest.txt
echo "$REPORT" >> bench/results/propagation-history.txt
