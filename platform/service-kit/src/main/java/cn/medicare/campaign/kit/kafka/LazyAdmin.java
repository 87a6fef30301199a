package cn.medicare.campaign.kit.kafka;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.kafka.core.KafkaAdmin;

/** A Kafka admin client made on first use, from Spring's connection settings, and closed with its owner. */
final class LazyAdmin {

    private final KafkaAdmin kafkaAdmin;
    private final Duration closeTimeout;
    private Admin admin;

    LazyAdmin(KafkaAdmin kafkaAdmin, Duration closeTimeout) {
        this.kafkaAdmin = kafkaAdmin;
        this.closeTimeout = closeTimeout;
    }

    synchronized Admin get() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    synchronized void close() {
        if (admin != null) {
            admin.close(closeTimeout);
        }
    }
}
