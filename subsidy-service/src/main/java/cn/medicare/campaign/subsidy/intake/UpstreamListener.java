package cn.medicare.campaign.subsidy.intake;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Campaigns and the roster from enrollment-service, each batch applied once through the inbox. */
@Component
class UpstreamListener {

    /** The group of this service's consumers, from configuration, so that a second instance of a test can have its own. */
    private final String group;

    private final Inbox inbox;
    private final UpstreamHandler handler;

    UpstreamListener(Inbox inbox, UpstreamHandler handler, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.group = group;
        this.inbox = inbox;
        this.handler = handler;
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER}, groupId = "${spring.kafka.consumer.group-id}")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.apply(group, records, handler);
    }
}
