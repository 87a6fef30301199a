package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the levy list from the campaign, roster and eligibility topics, each event applied once. */
@Component
class LevyListListener {

    /** The group of this service's consumers, from configuration, so that a second instance of a test can have its own. */
    private final String group;

    private final Inbox inbox;
    private final LevyListHandler updates;

    LevyListListener(Inbox inbox, LevyListHandler updates, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.group = group;
        this.inbox = inbox;
        this.updates = updates;
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY}, groupId = "${spring.kafka.consumer.group-id}")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.apply(group, records, updates);
    }
}
