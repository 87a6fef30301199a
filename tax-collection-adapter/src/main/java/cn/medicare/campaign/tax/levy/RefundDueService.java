package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.events.RefundDue;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Announces RefundDue whenever the excess a person-year paid changes, and only then: the amount
 * last announced is kept on the levy item, so the same state is never announced twice whatever
 * order the facts arrive in. An excess that falls back to nothing is announced as 0.00.
 */
@Repository
class RefundDueService {

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;

    RefundDueService(JdbcTemplate jdbc, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Call inside the transaction that changed the item, after the change. */
    void review(String personId, int coverageYear) {
        List<Item> items = jdbc.query("""
                select region, payable_amount, settled_payable, paid_total, withdrawn, refund_due, refund_due_reason
                from levy_item where person_id = ? and coverage_year = ?""",
                (row, n) -> new Item(row.getString(1), row.getBigDecimal(2), row.getBigDecimal(3), row.getBigDecimal(4),
                        row.getBoolean(5), row.getBigDecimal(6), row.getString(7)),
                personId, coverageYear);
        if (items.isEmpty()) {
            return;
        }
        Item item = items.get(0);
        RefundDueRule.Owed owed = RefundDueRule.owed(item.payable(), item.settledPayable(), item.paidNet(), item.withdrawn());
        boolean unchanged = owed.isNothing()
                ? item.announced().signum() == 0
                : owed.amount().compareTo(item.announced()) == 0 && owed.reason().name().equals(item.announcedReason());
        if (unchanged) {
            return;
        }
        // "nothing more owed" keeps the reason of what was owed, for readers of the topic
        RefundDueReason reason = owed.isNothing() ? RefundDueReason.valueOf(item.announcedReason()) : owed.reason();
        jdbc.update("update levy_item set refund_due = ?, refund_due_reason = ? where person_id = ? and coverage_year = ?",
                owed.amount(), reason.name(), personId, coverageYear);
        outbox.append(new RefundDue(personId, coverageYear, item.region(), owed.amount(), reason));
    }

    /** The person-years of a region currently owed money back. */
    List<Owing> owing(String region, int coverageYear) {
        return jdbc.query("""
                select person_id, id_number_sealed, id_number_masked, name_masked, coverage_year, refund_due, refund_due_reason
                from levy_item where region = ? and coverage_year = ? and refund_due > 0
                order by person_id""",
                (row, n) -> new Owing(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                        row.getBigDecimal(6), RefundDueReason.valueOf(row.getString(7))),
                region, coverageYear);
    }

    private record Item(String region, BigDecimal payable, BigDecimal settledPayable, BigDecimal paidNet, boolean withdrawn,
            BigDecimal announced, String announcedReason) {
    }

    /** @param idNumberSealed null while the enrolment has not arrived */
    record Owing(String personId, String idNumberSealed, String idNumberMasked, String nameMasked, int coverageYear,
            BigDecimal amount, RefundDueReason reason) {
    }
}
