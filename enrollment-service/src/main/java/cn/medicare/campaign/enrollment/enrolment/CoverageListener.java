package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The tax adapter's payments topic, for the coverage starts that waited for a payment; each batch applied once through the inbox. */
@Component
class CoverageListener {

    private final String group;
    private final Inbox inbox;
    private final CoverageHandler handler;

    CoverageListener(Inbox inbox, CoverageHandler handler, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.group = group;
        this.inbox = inbox;
        this.handler = handler;
    }

    @KafkaListener(topics = Topics.PAYMENTS, groupId = "${spring.kafka.consumer.group-id}")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.apply(group, records, handler);
    }
}
