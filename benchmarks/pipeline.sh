#!/usr/bin/env bash
# How close the event pipeline comes to this machine's limits, on a fresh embedded stack: the raw
# ceilings (PostgreSQL insert and COPY, Debezium decode, Kafka produce and consume, PostgreSQL
# upsert) and their bound, then the real outbox -> relay -> Kafka -> inbox -> read model at rising
# offered rates, half that load, and the drain of a backlog. The last line sums it up.
#   benchmarks/pipeline.sh            full size (about 5 minutes)
#   benchmarks/pipeline.sh --smoke    a few seconds of each, to see that it runs
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local-stack/target/local-stack.jar
[[ -f $jar ]] || mvn -B -q -ntp -DskipTests install
exec java -XX:+UseParallelGC -Xmx2g -Dloader.main=cn.medicare.campaign.stack.bench.PipelineBenchmark \
  -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
