#!/usr/bin/env bash
# What reading an event's payload costs a consumer: EventJson against Jackson's own reading of the
# same payloads, alternated on one thread; first with HotSpot's two compilers at their defaults, then
# with C1 alone, local-stack.sh's compiler. The last line of each sums it up.
#   benchmarks/event-read.sh            full size (about a minute)
#   benchmarks/event-read.sh --smoke    a few milliseconds of each, to see that it runs
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local-stack/target/local-stack.jar
[[ -f $jar ]] || mvn -B -q -ntp -DskipTests install
for jit in "" -XX:TieredStopAtLevel=1; do
  echo "JVM ${jit:-with C1 and C2}"
  java -XX:+UseParallelGC ${jit:+"$jit"} -Dloader.main=cn.medicare.campaign.stack.bench.EventReadBenchmark \
    -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
done
