#!/usr/bin/env bash
# The suite at Liancheng's scale (276,927 people at share 1.0) on a fresh embedded stack, through
# the public APIs; prints how fast each step went and how long the figures took to catch up.
#   benchmarks/county-scale.sh [share]     e.g. 0.1 for a tenth of the county
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local-stack/target/local-stack.jar
[[ -f $jar ]] || mvn -B -q -ntp -DskipTests install
# One JVM holds four services, the broker and four Debezium engines, so C2 never runs out of methods
# that have just turned warm; four times the usual tier-4 thresholds keep it on the hot ones (C2 is
# still whole; docs/delivery.md, "Pipeline settings, and why").
exec java -XX:+UseParallelGC -Xmx2g \
  -XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=2400 \
  -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=160000 \
  -Dloader.main=cn.medicare.campaign.stack.bench.CountyScale \
  -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "${1:-1.0}"
