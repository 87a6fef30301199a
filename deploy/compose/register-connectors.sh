#!/bin/sh
# Registers every connector of deploy/connect with Kafka Connect, unchanged, once its service is
# up (Flyway has then created the outbox table), and waits until it runs. PUT .../config creates
# or updates, so re-running it applies a changed file. Connect answers 409 while its workers
# rebalance, which every registration starts: that is tried again, never taken for "registered".
set -eu
connect=${CONNECT_URL:-http://connect:8083}
port_of() {
  case "$1" in
    enrollment-service) echo 8081 ;;
    subsidy-service) echo 8082 ;;
    tax-collection-adapter) echo 8083 ;;
    reporting-service) echo 8084 ;;
  esac
}
for file in /connect/*.json; do
  service=$(basename "$file" .json)
  name=$(sed -n 's/^  "name": "\(.*\)",$/\1/p' "$file")
  # the file's "config" object, which is what PUT takes
  config=$(sed -n '/^  "config": {$/,/^  }$/p' "$file" | sed '1s/^  "config": //')
  until curl -fsS "http://$service:$(port_of "$service")/actuator/health" >/dev/null 2>&1; do
    echo "waiting for $service"; sleep 3
  done
  tries=0
  until status=$(curl -s -o /tmp/answer -w '%{http_code}' -X PUT -H 'Content-Type: application/json' --data "$config" \
      "$connect/connectors/$name/config") && { [ "$status" = 200 ] || [ "$status" = 201 ]; }; do
    tries=$((tries + 1))
    echo "$name: HTTP $status $(cat /tmp/answer 2>/dev/null), again in 3 s"
    [ "$tries" -lt 60 ] || exit 1
    sleep 3
  done
  echo "$name: HTTP $status"
  # running: the connector and a task, none of them in another state; a failed task (left so by an unchanged PUT) restarted
  tries=0
  until curl -fsS "$connect/connectors/$name/status" >/tmp/status 2>/dev/null && grep -q '"tasks":\[{' /tmp/status \
      && ! grep -Eq '"state":"(FAILED|UNASSIGNED|PAUSED|RESTARTING|STOPPED)"' /tmp/status; do
    if grep -q '"state":"FAILED"' /tmp/status 2>/dev/null; then
      curl -s -o /dev/null -X POST "$connect/connectors/$name/restart?includeTasks=true&onlyFailed=true"
    fi
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || { echo "$name does not run: $(cat /tmp/status)"; exit 1; }
    sleep 2
  done
  echo "$name: RUNNING"
done
