package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.stack.bench.CountyCampaign;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of every service over one Kafka and the same databases, as a county that outgrows
 * one instance runs them (ARCHITECTURE.md: a province is more partitions and replicas, not new
 * code): calls alternate between the instances, an agency's batch on one and the tax bureau's
 * payments on the other run at the same time, and the consumers of each group share the topics'
 * partitions. The figures end as with one instance: equal to the recount from the source tables,
 * the same on both instances.
 */
@RealInfrastructure
class ReplicasIntegrationTests {

    private static final double SHARE = 0.01;

    @Test
    void twoInstancesOfEveryServiceEndWithTheFiguresOfOne(@TempDir Path relays) {
        Infrastructure infrastructure = TestInfrastructure.get();
        Suite.dropDatabases(infrastructure);
        try (Suite first = Suite.start(infrastructure, false, relays, System.out);
                Suite second = Suite.replica(infrastructure, System.out)) {
            awaitEveryGroupShared(infrastructure.kafkaBootstrapServers(), first);
            AtomicInteger calls = new AtomicInteger();
            CountyCampaign county = new CountyCampaign(service -> (calls.getAndIncrement() % 2 == 0 ? first : second).url(service), SHARE);
            county.defineCampaign();
            county.enrol();
            long started = System.nanoTime();
            // the same people: civil affairs' list on the second instance, the tax bureau's payments on the first, at once
            CompletableFuture.allOf(CompletableFuture.runAsync(new CountyCampaign(second::url, SHARE)::certify),
                    CompletableFuture.runAsync(new CountyCampaign(first::url, SHARE)::pay)).join();
            double together = (System.nanoTime() - started) / 1e9;

            county.awaitFigures(Duration.ofMinutes(3));
            SourceRecount.assertFiguresMatchTheSources(infrastructure.postgres(), county::figures);
            assertThat(withoutMoment(new CountyCampaign(first::url, SHARE).figures()))
                    .isEqualTo(withoutMoment(new CountyCampaign(second::url, SHARE).figures()));
            for (SuiteService service : SuiteService.values()) {
                if (service != SuiteService.ENROLLMENT) {
                    assertThat(applied(first, service)).as("events %s's first instance applied", service).isPositive();
                    assertThat(applied(second, service)).as("events %s's second instance applied", service).isPositive();
                }
            }
            System.out.printf("[replicas] two instances of every service: %d enrolled of %d registered, equal to the recount and on both "
                    + "instances; the agency batch and the payments ran side by side in %.1f s; events applied by the reporting "
                    + "service's instances: %d and %d%n", county.expectedEnrolled(), county.residents().size(), together,
                    applied(first, SuiteService.REPORTING), applied(second, SuiteService.REPORTING));
        } finally {
            Suite.dropDatabases(infrastructure);
        }
    }

    /**
     * Until every consumer group of the suite has both instances' listener threads as members, each with partitions: a group
     * the replica joins late rebalances only after the first instance has applied what a small county sends, and the replica
     * then has nothing to apply (CI, 2026-12-04, once the pipeline had become faster).
     */
    private static void awaitEveryGroupShared(String kafka, Suite first) {
        // a service's consumer group is named after it (the kit's spring.kafka.consumer.group-id)
        Map<String, Integer> members = Arrays.stream(SuiteService.values()).collect(Collectors.toMap(SuiteService::serviceName,
                service -> 2 * Integer.parseInt(first.setting(service, "spring.kafka.listener.concurrency"))));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> admin.describeConsumerGroups(members.keySet()).all().get()
                    .values().stream().allMatch(group -> group.members().size() == members.get(group.groupId())
                            && group.members().stream().noneMatch(member -> member.assignment().topicPartitions().isEmpty())));
        }
    }

    private static JsonNode withoutMoment(JsonNode figures) {
        ((ObjectNode) figures).remove("asOf");
        return figures;
    }

    /** insurance_inbox_applied_total over every topic, as this instance counts it. */
    private static long applied(Suite suite, SuiteService service) {
        return ApiClient.at(suite.url(service)).get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("insurance_inbox_applied_total"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
