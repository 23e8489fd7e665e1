#!/usr/bin/env bash
# JMH benchmark of the flag evaluator alone (5-rule flag, random users, one thread), and of bucketing.
# Prints JMH's table and writes it to bench/results/evaluator-latest.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
# one reactor run, so the contracts module resolves to its freshly compiled classes
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -pl flag-service -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
CP="flag-service/target/test-classes:flag-service/target/classes:$(cat "$CP_FILE")"
java -cp "$CP" io.lightswitch.flag.bench.EvaluatorBenchmark "$PWD/bench/results/evaluator-latest.txt" | tail -8
