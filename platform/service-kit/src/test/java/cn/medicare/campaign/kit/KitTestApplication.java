package cn.medicare.campaign.kit;

import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.kit.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A consumer built on the kit, the way every service builds one: a thin adapter over the inbox. */
@SpringBootApplication
class KitTestApplication {

    static final String GROUP = "kit-test";
    static final String PAYMENTS = "kit-test.payments";
    static final String POISON = "kit-test.poison";

    @Component
    static class PaymentTotalsConsumer {

        private final Inbox inbox;
        private final JdbcTemplate jdbc;

        PaymentTotalsConsumer(Inbox inbox, JdbcTemplate jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = {PAYMENTS, POISON}, groupId = GROUP)
        void on(List<ConsumerRecord<String, String>> records) {
            inbox.apply(GROUP, records, event -> {
                PaymentConfirmed payment = event.as(PaymentConfirmed.class);
                jdbc.update("""
                        insert into payment_totals (person_id, payments, total) values (?, 1, ?)
                        on conflict (person_id) do update
                        set payments = payment_totals.payments + 1, total = payment_totals.total + excluded.total""",
                        payment.personId(), payment.amount());
            });
        }
    }
}
