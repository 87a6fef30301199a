package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxListener;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the levy list from the campaign, roster and eligibility topics, each event applied once. */
@Component
class LevyListListener extends InboxListener {

    LevyListListener(Inbox inbox, LevyListHandler handler, @Value("${spring.kafka.consumer.group-id}") String group) {
        super(inbox, handler, group);
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY}, groupId = "${spring.kafka.consumer.group-id}")
    void on(List<ConsumerRecord<String, String>> records) {
        apply(records);
    }
}
