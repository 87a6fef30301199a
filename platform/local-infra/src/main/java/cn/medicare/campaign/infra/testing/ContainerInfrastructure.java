package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 17 with logical decoding and an Apache Kafka broker in containers, when a Docker engine answers. */
final class ContainerInfrastructure implements Infrastructure {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static ContainerInfrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername("postgres")
                .withPassword("postgres")
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=20",
                        "-c", "max_wal_senders=20", "-c", "max_connections=300");
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        postgres.start();
        kafka.start();
        return new ContainerInfrastructure(postgres, kafka);
    }

    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
        } catch (ClassNotFoundException e) {
            return false;
        }
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public PostgresServer postgres() {
        return new PostgresServer(postgres.getHost(), postgres.getMappedPort(5432), postgres.getUsername(), postgres.getPassword());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Testcontainers: " + POSTGRES_IMAGE + " (wal_level=logical) + " + KAFKA_IMAGE;
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
