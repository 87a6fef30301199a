#!/bin/sh
# Declares every topic of the suite before anything writes to it, as TopicDeclarations and
# deploy/k8s/kafka.yaml do (EVENTS.md, "Topics"): left to the broker, a first subscriber creates
# a topic with 3 partitions, deleted after 7 days, the campaign topic not compacted.
# TopicDeclarationsTests checks this list against TopicDeclarations.all(). Re-running it is harmless.
set -eu
kafka=${KAFKA_BOOTSTRAP:-kafka:9092}
topics=/opt/kafka/bin/kafka-topics.sh
until "$topics" --bootstrap-server "$kafka" --list >/dev/null 2>&1; do
  echo "waiting for Kafka at $kafka"; sleep 2
done
days400=34560000000
while read -r name partitions configs; do
  [ -n "$name" ] || continue
  set --
  for config in $(echo "$configs" | tr ',' ' '); do set -- "$@" --config "$config"; done
  "$topics" --bootstrap-server "$kafka" --create --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor 1 "$@"
done <<TOPICS
insurance.campaign.v1 3 cleanup.policy=compact
insurance.roster.v1 12 cleanup.policy=delete,retention.ms=$days400
insurance.eligibility.v1 12 cleanup.policy=delete,retention.ms=$days400
insurance.payments.v1 12 cleanup.policy=delete,retention.ms=$days400
insurance.reconciliation.v1 3 cleanup.policy=delete,retention.ms=$days400
insurance.reports.v1 3 cleanup.policy=delete,retention.ms=$days400
insurance.eligibility.v1.enrollment-service.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.payments.v1.enrollment-service.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.campaign.v1.reporting-service.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.roster.v1.reporting-service.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.eligibility.v1.reporting-service.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.payments.v1.reporting-service.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.campaign.v1.subsidy-service.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.roster.v1.subsidy-service.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.campaign.v1.tax-collection-adapter.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.roster.v1.tax-collection-adapter.dlt 3 cleanup.policy=delete,retention.ms=$days400
insurance.eligibility.v1.tax-collection-adapter.dlt 3 cleanup.policy=delete,retention.ms=$days400
TOPICS
echo "topics declared"
