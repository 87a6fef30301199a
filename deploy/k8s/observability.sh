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
cat <<YAML
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: campaign-backbone
  labels: {release: $release}
spec:
YAML
sed 's/^/  /' "$here"/../prometheus/alerts.yml
echo '---'
cat <<YAML
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: campaign-kafka
  labels: {release: $release}
spec:
YAML
sed 's/^/  /' "$here"/../prometheus/kafka-alerts.yml
echo '---'
jq -n --rawfile dashboard "$here"/../grafana/dashboards/insurance-campaign.json '{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: {name: "insurance-campaign-dashboard", labels: {grafana_dashboard: "1"}},
  data: {"insurance-campaign.json": $dashboard}
}'
