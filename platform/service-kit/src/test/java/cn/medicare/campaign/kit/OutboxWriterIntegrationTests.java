package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.outbox.PlainIdNumberException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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

    @Autowired
    MeterRegistry meters;

    /** A constraint's error detail quotes the failing row; exceptions are logged, so it never reaches their messages. */
    @Test
    void aFailingRowsValuesStayOutOfTheExceptionMessage() {
        String idNumber = "350825198506124017";
        jdbc.execute("create table if not exists failing_row_check (id integer primary key, text varchar(30) not null check (length(text) < 5))");

        assertThatThrownBy(() -> jdbc.update("insert into failing_row_check (id, text) values (?, ?)", 1, idNumber))
                .hasMessageContaining("failing_row_check").satisfies(refused -> {
                    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                        assertThat(String.valueOf(cause.getMessage())).doesNotContain(idNumber);
                    }
                });
    }

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

    /**
     * A call's messages go in one statement: each row keeps its message's place (the order a connector that lost its offsets
     * snapshots in) and its event time to the microsecond, rounded half up as the driver rounded a timestamp, in the text its
     * {@code time} header carries.
     */
    @Test
    void writesACallsMessagesInTheirOrderWithTheirTimesToTheMicrosecond() {
        Instant at = Instant.parse("2017-10-09T02:15:00Z");
        List<OutboxMessage> messages = IntStream.range(0, 5)
                .mapToObj(i -> OutboxMessage.of(PaymentMother.payment(913, 91_300 + i, "180.00"), at.plusNanos(250L * i))).toList();

        transaction.executeWithoutResult(status -> outbox.appendAll(messages));

        List<Map<String, Object>> rows = messages.stream().map(message -> jdbc.queryForMap(
                "select time, created_at from outbox where id = ?", message.id()))
                .toList();
        assertThat(rows).extracting(row -> row.get("time")).containsExactly("2017-10-09T02:15:00.000000Z", "2017-10-09T02:15:00.000000Z",
                "2017-10-09T02:15:00.000001Z", "2017-10-09T02:15:00.000001Z", "2017-10-09T02:15:00.000001Z");
        assertThat(rows).extracting(row -> ((Timestamp) row.get("created_at")).toInstant()).isSorted();
    }

    @Test
    void refusesAndCountsAPayloadHoldingAPlainIdNumberWhateverTheField() {
        String voucher = "350825198506124017";
        PaymentConfirmed leaking = new PaymentConfirmed(PaymentMother.personId(8), 2018, "350825", voucher, new BigDecimal("180.00"),
                PaymentChannel.WECHAT, Instant.parse("2017-10-09T02:15:00Z"), PaymentSource.WEBHOOK);
        double before = refused();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> outbox.append(leaking)))
                .isInstanceOf(PlainIdNumberException.class).hasMessageNotContaining(voucher);

        assertThat(refused()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from outbox where payload::json ->> 'voucherNo' = ?", Integer.class, voucher)).isZero();
    }

    @Test
    void letsThroughPersonIdsAndNumbersThatAreNoIdNumbers() {
        // a personId is 32 hex characters; 18 digits with a wrong check character is a voucher, not an ID number
        PaymentConfirmed ordinary = new PaymentConfirmed("35082519850612401735082519850612", 2018, "350825", "350825198506124011",
                new BigDecimal("180.00"), PaymentChannel.WECHAT, Instant.parse("2017-10-09T02:15:00Z"), PaymentSource.WEBHOOK);

        transaction.executeWithoutResult(status -> outbox.append(ordinary));
    }

    /** PaymentConfirmed's own: the writer registers every type's counter at 0, so the name alone finds any of them. */
    private double refused() {
        Counter counter = meters.find(OutboxWriter.REFUSED).tag("type", "PaymentConfirmed").counter();
        return counter == null ? 0 : counter.count();
    }
}
