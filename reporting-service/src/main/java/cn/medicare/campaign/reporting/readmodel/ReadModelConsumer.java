package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.reporting.participation.ParticipationGauges;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The thin Kafka edge: every topic the reporting service reads, applied through the inbox. */
@Component
class ReadModelConsumer {

    static final String GROUP = "reporting-service";

    private final Inbox inbox;
    private final ReadModelHandler handler;
    private final ParticipationGauges gauges;

    ReadModelConsumer(Inbox inbox, ReadModelHandler handler, ParticipationGauges gauges) {
        this.inbox = inbox;
        this.handler = handler;
        this.gauges = gauges;
    }

    @KafkaListener(topics = {Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS}, groupId = GROUP)
    void on(List<ConsumerRecord<String, String>> records) {
        try {
            inbox.apply(GROUP, records, handler);
        } finally {
            // whatever was committed, even before a poison record, reaches the gauges
            gauges.markStale();
        }
    }
}
