#!/usr/bin/env bash
# Starts the whole suite on this machine: Kafka on localhost:9092, PostgreSQL, the four Debezium
# relays and the four services on ports 8081-8084. Needs only Java 17 and Maven; builds the
# stack first when its jar is missing or older than the sources. Ctrl-C stops everything.
#   ./local-stack.sh            with a simulated season of Liancheng 2018 (--scale=0.1 --seed=2018 --season-seconds=240)
#   ./local-stack.sh --no-demo  empty
#   ./local-stack.sh --relay=connect  the outbox connectors on a Kafka Connect worker (REST on localhost:8090)
#                               instead of Debezium's embedded engine
set -euo pipefail
cd "$(dirname "$0")"
jar=local-stack/target/local-stack.jar
# sources only: the build's own output (target/, a test run's reports) is newer than the jar without anything to rebuild
if [[ ! -f $jar ]] || [[ -n $(find . \( -path ./.local-stack -o -path ./.git -o -name target \) -prune -o \( -name '*.java' -o -name '*.sql' \
    -o -name '*.properties' -o -name '*.yaml' -o -name '*.json' -o -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.csv' \
    -o -name '*.xml' \) -newer "$jar" -print -quit) ]]; then
  echo "Building the suite (mvn -DskipTests install)..."
  mvn -B -q -ntp -DskipTests install
fi
# one JVM holds the broker, the relays and four services: a small serial-GC heap keeps it lean
exec java -XX:+UseSerialGC -Xms256m -Xmx1g -XX:TieredStopAtLevel=1 ${JAVA_OPTS:-} -jar "$jar" "$@"
