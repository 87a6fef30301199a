package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.kit.observability.PipelineGauges;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline's lag as the alert rules read it: a replication slot nobody reads is inactive and
 * holds the WAL of every outbox row written after it.
 */
class PipelineGaugesIntegrationTests extends KitIntegrationTestBase {

    @Autowired
    PipelineGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUnreadSlotIsInactiveAndHoldsTheWalOfWhatWasWrittenSince() {
        String slot = "gauges_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.queryForList("select pg_create_logical_replication_slot(?, 'pgoutput')", slot);
        try {
            for (int n = 0; n < 50; n++) {
                int person = n;
                transaction.executeWithoutResult(status -> outbox.append(PaymentMother.payment(9, 90_000 + person, "180.00")));
            }

            gauges.refresh();

            assertThat(meters.get("insurance.outbox.slot.lag.bytes").tag("slot", slot).gauge().value()).isGreaterThan(0);
            assertThat(meters.get("insurance.outbox.slot.active").tag("slot", slot).gauge().value()).isZero();
            assertThat(meters.get("insurance.outbox.slot.lag.seconds").tag("slot", slot).gauge().value()).isZero();
        } finally {
            jdbc.queryForList("select pg_drop_replication_slot(?)", slot);
        }
    }
}
