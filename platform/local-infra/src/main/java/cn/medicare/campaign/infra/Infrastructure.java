package cn.medicare.campaign.infra;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.util.Map;

/** A running PostgreSQL (logical decoding on) and Kafka broker, wherever they come from. */
public interface Infrastructure extends AutoCloseable {

    /** The server for databases no service owns: checks, benchmarks' scratch databases. */
    PostgresServer postgres();

    /**
     * The server a service's database is on: {@link #postgres()} unless each service has a server of its
     * own, as in the local stack. A walsender reads its server's whole WAL, every database's, so on a
     * shared server each outbox connector also decodes the other services' writes.
     */
    default PostgresServer postgres(String database) {
        return postgres();
    }

    String kafkaBootstrapServers();

    /** Where the suite's topics are created: {@link #kafkaBootstrapServers()}, but a set-up listener on a broker that asks logins. */
    default String kafkaSetUpServers() {
        return kafkaBootstrapServers();
    }

    /**
     * What a Kafka client of {@code user} (a service, or {@code campaign-connect} for the relays) adds to reach the broker:
     * its TLS trust and its login; nothing where the broker asks neither, as here but for {@code KafkaAclsIntegrationTests}'s.
     */
    default Map<String, String> kafkaClientProperties(String user) {
        return Map.of();
    }

    /** One line for logs and test output: which kind of infrastructure this is. */
    String description();

    @Override
    void close();
}
