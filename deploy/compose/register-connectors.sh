#!/bin/sh
# Registers every connector of deploy/connect with Kafka Connect, unchanged, once its service is
# up (Flyway has then created the outbox table). Re-running it is harmless: 409 = registered.
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
  until curl -fsS "http://$service:$(port_of "$service")/actuator/health" >/dev/null 2>&1; do
    echo "waiting for $service"; sleep 3
  done
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data @"$file" "$connect/connectors")
  echo "$service connector: HTTP $status"
  case "$status" in 201|409) ;; *) exit 1 ;; esac
done
