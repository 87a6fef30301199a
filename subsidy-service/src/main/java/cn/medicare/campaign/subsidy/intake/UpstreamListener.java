package cn.medicare.campaign.subsidy.intake;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxListener;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Campaigns and the roster from enrollment-service, each batch applied once through the inbox. */
@Component
class UpstreamListener extends InboxListener {

    UpstreamListener(Inbox inbox, UpstreamHandler handler, @Value("${spring.kafka.consumer.group-id}") String group) {
        super(inbox, handler, group);
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER}, groupId = "${spring.kafka.consumer.group-id}")
    void on(List<ConsumerRecord<String, String>> records) {
        apply(records);
    }
}
