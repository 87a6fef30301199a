#!/usr/bin/env bash
# Renders one Strimzi KafkaConnector per deploy/connect/*.json, the configuration unchanged (where the
# database is and the credentials are ${env:...}, set on the Connect pods from the Secret "campaign-postgres"):
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
      config: (.config | del(.["connector.class"], .["tasks.max"]))
    }
  }]}' "$here"/../connect/*.json
