package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxListener;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The tax adapter's payments and the agencies' certifications, for the roster's part in them
 * (coverage starts that waited for a payment, renewals on payment, the person-year's audit); each
 * batch applied once through the inbox.
 */
@Component
class UpstreamListener extends InboxListener {

    UpstreamListener(Inbox inbox, UpstreamHandler handler, @Value("${spring.kafka.consumer.group-id}") String group) {
        super(inbox, handler, group);
    }

    @KafkaListener(topics = {Topics.ELIGIBILITY, Topics.PAYMENTS}, groupId = "${spring.kafka.consumer.group-id}")
    void on(List<ConsumerRecord<String, String>> records) {
        apply(records);
    }
}
