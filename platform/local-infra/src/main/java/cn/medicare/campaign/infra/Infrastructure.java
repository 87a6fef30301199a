package cn.medicare.campaign.infra;

import cn.medicare.campaign.infra.postgres.PostgresServer;

/** A running PostgreSQL (logical decoding on) and Kafka broker, wherever they come from. */
public interface Infrastructure extends AutoCloseable {

    PostgresServer postgres();

    String kafkaBootstrapServers();

    /** One line for logs and test output: which kind of infrastructure this is. */
    String description();

    @Override
    void close();
}
