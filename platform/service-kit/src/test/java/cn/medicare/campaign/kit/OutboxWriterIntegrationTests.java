package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxWriterIntegrationTests extends KitIntegrationTestBase {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatIllegalStateException()
                .isThrownBy(() -> outbox.append(PaymentMother.payment(7, 70_001, "180.00")))
                .withMessageContaining("inside the transaction");
    }

    @Test
    void writesTheRouterColumnsAndVanishesWithARolledBackTransaction() {
        var committed = transaction.execute(status -> outbox.append(PaymentMother.payment(7, 70_002, "180.00")));
        transaction.executeWithoutResult(status -> {
            outbox.append(PaymentMother.payment(7, 70_003, "180.00"));
            status.setRollbackOnly();
        });

        Map<String, Object> row = jdbc.queryForMap(
                "select aggregatetype, aggregateid, type, source, schemaversion, payload::text as payload from outbox where id = ?", committed);
        assertThat(row).containsEntry("aggregatetype", "insurance.payments.v1")
                .containsEntry("aggregateid", PaymentMother.personId(7))
                .containsEntry("type", "PaymentConfirmed")
                .containsEntry("source", "kit-test")
                .containsEntry("schemaversion", 1);
        assertThat((String) row.get("payload")).contains("\"voucherNo\":\"V201700070002\"", "\"amount\":\"180.00\"");
        assertThat(jdbc.queryForObject("select count(*) from outbox where payload::text like '%V201700070003%'", Integer.class)).isZero();
    }
}
