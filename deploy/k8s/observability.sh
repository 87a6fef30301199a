#!/usr/bin/env bash
# Renders the alert rules and the Grafana dashboard for a Prometheus Operator stack (kube-prometheus-stack), from the
# same files Compose loads, unchanged: a PrometheusRule with deploy/prometheus/alerts.yml as its spec, one with
# deploy/prometheus/kafka-alerts.yml (Kafka's brokers and Connect workers, whose exporter only Kubernetes runs), and a
# ConfigMap holding deploy/grafana/dashboards/insurance-campaign.json for Grafana's dashboard sidecar:
#   deploy/k8s/observability.sh [release] | kubectl apply -f -
# The release (default kube-prometheus-stack) is the label the operator selects rules by, as for the PodMonitor.
set -euo pipefail
here=$(dirname "$0")
release=${1:-kube-prometheus-stack}
# a PrometheusRule named $1 whose spec is the rules file $2, unchanged
rule() {
  cat <<YAML
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: $1
  labels: {release: $release}
spec:
YAML
  sed 's/^/  /' "$2"
  echo '---'
}
rule campaign-backbone "$here"/../prometheus/alerts.yml
rule campaign-kafka "$here"/../prometheus/kafka-alerts.yml
jq -n --rawfile dashboard "$here"/../grafana/dashboards/insurance-campaign.json '{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: {name: "insurance-campaign-dashboard", labels: {grafana_dashboard: "1"}},
  data: {"insurance-campaign.json": $dashboard}
}'
