package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.reporting.participation.ParticipationGauges;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The thin Kafka edge: every topic the reporting service reads, applied through the inbox. */
@Component
class ReadModelListener {

    /** The group of this service's consumers, from configuration, so that a second instance of a test can have its own. */
    private final String group;

    private final Inbox inbox;
    private final ReadModelHandler handler;
    private final ParticipationGauges gauges;

    ReadModelListener(Inbox inbox, ReadModelHandler handler, ParticipationGauges gauges, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.group = group;
        this.inbox = inbox;
        this.handler = handler;
        this.gauges = gauges;
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS}, groupId = "${spring.kafka.consumer.group-id}")
    void on(List<ConsumerRecord<String, String>> records) {
        try {
            inbox.apply(group, records, handler);
        } finally {
            // whatever was committed, even before a poison record, reaches the gauges
            gauges.markStale();
        }
    }
}
