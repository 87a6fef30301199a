package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxListener;
import cn.medicare.campaign.reporting.participation.ParticipationGauges;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The thin Kafka edge: every topic the reporting service reads, applied through the inbox. */
@Component
class ReadModelListener extends InboxListener {

    private final ParticipationGauges gauges;

    ReadModelListener(Inbox inbox, ReadModelHandler handler, ParticipationGauges gauges, @Value("${spring.kafka.consumer.group-id}") String group) {
        super(inbox, handler, group);
        this.gauges = gauges;
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS}, groupId = "${spring.kafka.consumer.group-id}")
    void on(List<ConsumerRecord<String, String>> records) {
        try {
            apply(records);
        } finally {
            // whatever was committed, even before a record that failed, reaches the gauges
            gauges.markStale();
        }
    }

    @Override
    public boolean applyReplayed(ConsumerRecord<String, String> record) {
        try {
            return super.applyReplayed(record);
        } finally {
            gauges.markStale();
        }
    }
}
