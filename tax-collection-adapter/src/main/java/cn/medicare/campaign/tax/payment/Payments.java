package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The payments the tax bureau confirmed, one per voucher; the ID number only masked. */
@Repository
class Payments {

    private final JdbcTemplate jdbc;

    Payments(JdbcTemplate jdbc) {
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
}
