#!/usr/bin/env bash
# Detection delay of the full loop, from regression start to flag off, at 10, 100 and 1,000 requests/s with a 10%
# rollout and +5 points of errors in the on-cohort. Starts the four packaged services on free ports with a database
# and RabbitMQ names of their own (stopped and removed afterwards) and plays the seed scenario once per rate with the
# same driver as the platform test and ./lightswitch demo. Prints a table and writes it to bench/results/.
# Usage: bench/detection-delay.sh [detection-interval, default 10s as shipped] [rates, default 10,100,1000]
set -euo pipefail
cd "$(dirname "$0")/.."

INTERVAL=${1:-10s}
RATES=${2:-10,100,1000}

for svc in flag-service ingest-service analytics-service workflow-service; do
  if [ ! -f "$svc/target/quarkus-app/quarkus-run.jar" ]; then
    ./mvnw -B -q -DskipTests package
    break
  fi
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -pl platform-test \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp"
java -cp "platform-test/target/test-classes:$(cat "$WORK/cp")" io.lightswitch.platform.DetectionDelayBench \
  --interval="$INTERVAL" --rates="$RATES" ${BENCH_BOUND:+--bound="$BENCH_BOUND"}
