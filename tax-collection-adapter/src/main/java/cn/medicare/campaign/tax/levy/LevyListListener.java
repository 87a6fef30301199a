package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the levy list from the campaign, roster and eligibility topics, each event applied once. */
@Component
class LevyListListener {

    static final String GROUP = "tax-collection-adapter";

    private final Inbox inbox;
    private final LevyListUpdates updates;

    LevyListListener(Inbox inbox, LevyListUpdates updates) {
        this.inbox = inbox;
        this.updates = updates;
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY}, groupId = GROUP)
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.apply(GROUP, records, updates);
    }
}
