package cn.medicare.campaign.subsidy.intake;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Campaigns and the roster from enrollment-service, each batch applied once through the inbox. */
@Component
class UpstreamListener {

    static final String GROUP = "subsidy-service";

    private final Inbox inbox;
    private final UpstreamEvents events;

    UpstreamListener(Inbox inbox, UpstreamEvents events) {
        this.inbox = inbox;
        this.events = events;
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER}, groupId = GROUP)
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.apply(GROUP, records, events::apply);
    }
}
