package cn.medicare.campaign.kit.kafka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

/** Registers the replay of dead letters and its endpoint in every service. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DeadLetterReplay deadLetterReplay(ConsumerFactory<?, ?> consumers, KafkaOperations<Object, Object> producer,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new DeadLetterReplay(consumers, producer, group);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterReplay replay, @Value("${spring.kafka.consumer.group-id}") String group) {
        return new DeadLetterController(replay, group);
    }
}
