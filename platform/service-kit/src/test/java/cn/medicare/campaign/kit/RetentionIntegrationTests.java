package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.outbox.Retention;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class RetentionIntegrationTests extends KitIntegrationTestBase {

    @Autowired
    Retention retention;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void removesOnlyOutboxRowsAndInboxIdsPastTheirRetention() {
        UUID old = transaction.execute(status -> outbox.append(PaymentMother.payment(8, 80_001, "180.00")));
        UUID recent = transaction.execute(status -> outbox.append(PaymentMother.payment(8, 80_002, "180.00")));
        jdbc.update("update outbox set created_at = now() - interval '31 days' where id = ?", old);
        UUID oldId = UUID.randomUUID();
        UUID recentId = UUID.randomUUID();
        jdbc.update("insert into inbox (consumer_group, event_id, topic, type, applied_at) values ('retention', ?, 't', 'T', now() - interval '401 days')", oldId);
        jdbc.update("insert into inbox (consumer_group, event_id, topic, type) values ('retention', ?, 't', 'T')", recentId);

        retention.purge();

        assertThat(jdbc.queryForList("select id from outbox where id in (?, ?)", UUID.class, old, recent)).containsExactly(recent);
        assertThat(jdbc.queryForList("select event_id from inbox where consumer_group = 'retention'", UUID.class)).containsExactly(recentId);
    }
}
