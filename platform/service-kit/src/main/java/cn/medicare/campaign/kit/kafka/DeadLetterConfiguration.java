package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxListener;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/** Registers in every service its one dead-letter recoverer, the replay of dead letters and its endpoint, and the consumers' counts from 0. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    /** The one way this service sends a record it gives up on: the listeners' error handler, the inbox and the replay share it. */
    @Bean
    ConsumerRecordRecoverer deadLetters(KafkaOperations<Object, Object> producer, MeterRegistry meters,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return DeadLetters.recoverer(producer, meters, group);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(ConsumerFactory<?, ?> consumers, ObjectProvider<InboxListener> listeners,
            ConsumerRecordRecoverer deadLetters, DataSource database, @Value("${spring.kafka.consumer.group-id}") String group) {
        return new DeadLetterReplay(consumers, listeners, deadLetters, database, group);
    }

    /**
     * Every topic a listener of this service consumes has its dead-letter and applied counts from the
     * start, at 0: a dashboard and an alert rule see "none yet" rather than no such metric, and
     * ConsumerStalled sees a consumer that has a lag and never applied its first record.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> consumerCountsFromZero(ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            MeterRegistry meters, @Value("${spring.kafka.consumer.group-id}") String group) {
        return ready -> listeners.ifAvailable(registry -> registry.getListenerContainers().forEach(container -> {
            String[] topics = container.getContainerProperties().getTopics();
            String containerGroup = container.getGroupId() != null ? container.getGroupId() : group;
            for (String topic : topics == null ? new String[0] : topics) {
                DeadLetters.counter(meters, topic, containerGroup);
                Inbox.appliedCounter(meters, containerGroup, topic);
            }
        }));
    }

    @Bean
    ConsumerBacklog consumerBacklog(KafkaAdmin kafkaAdmin, ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry meters,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new ConsumerBacklog(kafkaAdmin, listeners, meters, group);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterReplay replay, @Value("${spring.kafka.consumer.group-id}") String group) {
        return new DeadLetterController(replay, group);
    }
}
