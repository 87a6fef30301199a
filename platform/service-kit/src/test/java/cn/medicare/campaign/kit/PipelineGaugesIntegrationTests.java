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
 * holds the WAL of every outbox row written after it; events parked and not applied are counted by type.
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

    @Test
    void eventsParkedAndNotAppliedAreCountedByTypeWithTheOldestsWait() {
        String group = "gauges-" + UUID.randomUUID();
        for (String[] parked : new String[][] {{"CoverageEnded", "2 hours"}, {"CoverageEnded", "1 minute"}, {"PersonMoved", "5 minutes"}}) {
            jdbc.update("""
                    insert into parked_event (consumer_group, event_id, topic, type, event_time, schema_version, payload, parked_at)
                    values (?, ?, 'insurance.roster.v1', ?, now(), 1, '{}', now() - cast(? as interval))""",
                    group, UUID.randomUUID(), parked[0], parked[1]);
        }
        try {
            gauges.refresh();

            assertThat(meters.get("insurance.inbox.parked.events").tags("group", group, "type", "CoverageEnded").gauge().value()).isEqualTo(2);
            assertThat(meters.get("insurance.inbox.parked.events").tags("group", group, "type", "PersonMoved").gauge().value()).isEqualTo(1);
            assertThat(meters.get("insurance.inbox.parked.oldest.age.seconds").tag("group", group).gauge().value()).isBetween(7_200.0, 7_500.0);

            jdbc.update("delete from parked_event where consumer_group = ?", group);
            gauges.refresh();

            assertThat(meters.find("insurance.inbox.parked.events").tag("group", group).gauges()).isEmpty();
            assertThat(meters.find("insurance.inbox.parked.oldest.age.seconds").tag("group", group).gauges()).isEmpty();
        } finally {
            jdbc.update("delete from parked_event where consumer_group = ?", group);
        }
    }
}
