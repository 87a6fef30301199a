package cn.medicare.campaign.kit.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

/** Registers the replay of dead letters and its endpoint in every service, and their counts from 0. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DeadLetterReplay deadLetterReplay(ConsumerFactory<?, ?> consumers, KafkaOperations<Object, Object> producer,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new DeadLetterReplay(consumers, producer, group);
    }

    /**
     * Every topic a listener of this service consumes has its dead-letter count from the start, at 0:
     * a dashboard and an alert rule see "none yet" rather than no such metric.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> deadLetterCountsFromZero(ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            MeterRegistry meters, @Value("${spring.kafka.consumer.group-id}") String group) {
        return ready -> listeners.ifAvailable(registry -> registry.getListenerContainers().forEach(container -> {
            String[] topics = container.getContainerProperties().getTopics();
            for (String topic : topics == null ? new String[0] : topics) {
                DeadLetters.counter(meters, topic, container.getGroupId() != null ? container.getGroupId() : group);
            }
        }));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterReplay replay, @Value("${spring.kafka.consumer.group-id}") String group) {
        return new DeadLetterController(replay, group);
    }
}
