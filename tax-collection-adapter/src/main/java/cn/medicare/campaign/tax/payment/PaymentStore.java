package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import cn.medicare.campaign.kit.BusinessTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The payments the tax bureau confirmed, one per voucher, and their refunds; the ID number only masked. */
@Repository
class PaymentStore {

    private final JdbcTemplate jdbc;

    PaymentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean received(String voucherNo) {
        return !jdbc.queryForList("select 1 from payment where voucher_no = ?", Integer.class, voucherNo).isEmpty();
    }

    void store(PaymentConfirmed payment, String idNumber) {
        jdbc.update("""
                insert into payment (voucher_no, person_id, coverage_year, region, id_number_masked, amount, channel, paid_at, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                payment.voucherNo(), payment.personId(), payment.coverageYear(), payment.region(),
                PersonIds.maskIdNumber(idNumber), payment.amount(), payment.channel().name(),
                Timestamp.from(payment.paidAt()), payment.source().name());
    }

    /** A received payment as the daily reconciliation compares it. */
    record Received(String voucherNo, String personId, int coverageYear, String idNumberMasked, BigDecimal amount,
            LocalDate recoveredOn) {
    }

    Optional<Received> find(String voucherNo) {
        return jdbc.query("""
                select voucher_no, person_id, coverage_year, id_number_masked, amount, recovered_on
                from payment where voucher_no = ?""",
                (row, n) -> new Received(row.getString(1), row.getString(2), row.getInt(3), row.getString(4), row.getBigDecimal(5),
                        row.getObject(6, LocalDate.class)),
                voucherNo).stream().findFirst();
    }

    void markRecovered(String voucherNo, LocalDate day) {
        jdbc.update("update payment set recovered_on = ? where voucher_no = ?", day, voucherNo);
    }

    /** The vouchers paid during the business day (Asia/Shanghai). */
    List<String> paidOn(LocalDate day) {
        return jdbc.queryForList("select voucher_no from payment where paid_at >= ? and paid_at < ? order by voucher_no", String.class,
                Timestamp.from(day.atStartOfDay(BusinessTime.ZONE).toInstant()),
                Timestamp.from(day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant()));
    }

    /** A received payment, as far as a refund needs it. */
    record Paid(String personId, int coverageYear, String region, BigDecimal amount) {
    }

    Optional<Paid> paid(String voucherNo) {
        return jdbc.query("select person_id, coverage_year, region, amount from payment where voucher_no = ?",
                (row, n) -> new Paid(row.getString(1), row.getInt(2), row.getString(3), row.getBigDecimal(4)), voucherNo)
                .stream().findFirst();
    }

    boolean refundReceived(String refundNo) {
        return !jdbc.queryForList("select 1 from refund where refund_no = ?", Integer.class, refundNo).isEmpty();
    }

    BigDecimal refundedOn(String voucherNo) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from refund where voucher_no = ?", BigDecimal.class, voucherNo);
    }

    void storeRefund(PaymentRefunded refund) {
        jdbc.update("""
                insert into refund (refund_no, voucher_no, person_id, coverage_year, region, amount, refunded_at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                refund.refundNo(), refund.voucherNo(), refund.personId(), refund.coverageYear(), refund.region(),
                refund.amount(), Timestamp.from(refund.refundedAt()), refund.reason());
    }
}
