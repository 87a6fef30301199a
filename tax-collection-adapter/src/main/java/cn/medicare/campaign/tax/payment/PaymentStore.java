package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import cn.medicare.campaign.kit.BusinessTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments the tax bureau confirmed, one per voucher, and their refunds; the ID number only masked. */
@Repository
class PaymentStore {

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean received(String voucherNo) {
        return jdbc.sql("select 1 from payment where voucher_no = :voucherNo").param("voucherNo", voucherNo)
                .query(Integer.class).optional().isPresent();
    }

    void store(PaymentConfirmed payment, String idNumber) {
        jdbc.sql("""
                insert into payment (voucher_no, person_id, coverage_year, region, id_number_masked, amount, channel, paid_at, source)
                values (:voucherNo, :personId, :coverageYear, :region, :idNumberMasked, :amount, :channel, :paidAt, :source)""")
                .param("voucherNo", payment.voucherNo()).param("personId", payment.personId())
                .param("coverageYear", payment.coverageYear()).param("region", payment.region())
                .param("idNumberMasked", PersonIds.maskIdNumber(idNumber)).param("amount", payment.amount())
                .param("channel", payment.channel().name()).param("paidAt", Timestamp.from(payment.paidAt()))
                .param("source", payment.source().name())
                .update();
    }

    /** A received payment as the daily reconciliation compares it. */
    record Received(String voucherNo, String personId, int coverageYear, String idNumberMasked, BigDecimal amount,
            LocalDate recoveredOn) {
    }

    Optional<Received> find(String voucherNo) {
        return jdbc.sql("""
                select voucher_no, person_id, coverage_year, id_number_masked, amount, recovered_on
                from payment where voucher_no = :voucherNo""")
                .param("voucherNo", voucherNo)
                .query(Received.class).optional();
    }

    void markRecovered(String voucherNo, LocalDate day) {
        jdbc.sql("update payment set recovered_on = :day where voucher_no = :voucherNo")
                .param("day", day).param("voucherNo", voucherNo)
                .update();
    }

    /** The vouchers paid during the business day (Asia/Shanghai). */
    List<String> paidOn(LocalDate day) {
        return jdbc.sql("select voucher_no from payment where paid_at >= :from and paid_at < :until order by voucher_no")
                .param("from", Timestamp.from(day.atStartOfDay(BusinessTime.ZONE).toInstant()))
                .param("until", Timestamp.from(day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant()))
                .query(String.class).list();
    }

    /** A received payment, as far as a refund needs it. */
    record Paid(String personId, int coverageYear, String region, BigDecimal amount, PaymentChannel channel) {
    }

    Optional<Paid> paid(String voucherNo) {
        return jdbc.sql("select person_id, coverage_year, region, amount, channel from payment where voucher_no = :voucherNo")
                .param("voucherNo", voucherNo)
                .query(Paid.class).optional();
    }

    boolean refundReceived(String refundNo) {
        return jdbc.sql("select 1 from refund where refund_no = :refundNo").param("refundNo", refundNo)
                .query(Integer.class).optional().isPresent();
    }

    BigDecimal refundedOn(String voucherNo) {
        return jdbc.sql("select coalesce(sum(amount), 0) from refund where voucher_no = :voucherNo").param("voucherNo", voucherNo)
                .query(BigDecimal.class).single();
    }

    void storeRefund(PaymentRefunded refund) {
        jdbc.sql("""
                insert into refund (refund_no, voucher_no, person_id, coverage_year, region, amount, refunded_at, reason)
                values (:refundNo, :voucherNo, :personId, :coverageYear, :region, :amount, :refundedAt, :reason)""")
                .param("refundNo", refund.refundNo()).param("voucherNo", refund.voucherNo()).param("personId", refund.personId())
                .param("coverageYear", refund.coverageYear()).param("region", refund.region()).param("amount", refund.amount())
                .param("refundedAt", Timestamp.from(refund.refundedAt())).param("reason", refund.reason())
                .update();
    }
}
