#!/usr/bin/env bash
# What relaying an event costs one connector, the bound of a backlog's drain: the tax adapter's connector
# file relays rows written by COPY from the kit's outbox as it is and as it was before V0_0_7 (the
# event's time a timestamptz), alternated on fresh databases of an embedded stack. The last line sums it up.
#   benchmarks/relay-decode.sh            full size (about 2 minutes)
#   benchmarks/relay-decode.sh --smoke    a round of 2,000 events each, to see that it runs
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local-stack/target/local-stack.jar
[[ -f $jar ]] || mvn -B -q -ntp -DskipTests install
exec java -XX:+UseParallelGC -Xmx2g -Dloader.main=cn.medicare.campaign.stack.bench.RelayDecodeBenchmark \
  -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
