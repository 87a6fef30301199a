#!/usr/bin/env bash
# Renders one Strimzi KafkaConnector per deploy/connect/*.json, the configuration unchanged (where the
# database is and the credentials are ${env:...}, set on the Connect pods from the Secret "campaign-postgres"). The
# operator restarts a failed connector or task with a growing back-off (autoRestart: at once, then after 2, 6, 12...
# minutes, at most hourly); ConnectTaskFailed (deploy/prometheus/kafka-alerts.yml) pages while one stays failed:
#   deploy/k8s/connectors.sh | kubectl apply -f -
set -euo pipefail
here=$(dirname "$0")
jq -s '{apiVersion: "v1", kind: "List", items: [.[] | {
    apiVersion: "kafka.strimzi.io/v1beta2",
    kind: "KafkaConnector",
    metadata: {name: .name, labels: {"strimzi.io/cluster": "campaign-connect"}},
    spec: {
      class: .config["connector.class"],
      tasksMax: (.config["tasks.max"] | tonumber),
      autoRestart: {enabled: true},
      config: (.config | del(.["connector.class"], .["tasks.max"]))
    }
  }]}' "$here"/../connect/*.json
