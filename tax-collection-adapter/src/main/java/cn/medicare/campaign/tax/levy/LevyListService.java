package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 征缴名单: the levy items in the database. Each change takes the next cursor value so the tax
 * bureau can page through changes in order.
 *
 * <p>Cursor values are handed out under one transaction-scoped advisory lock: otherwise a
 * transaction holding cursor 10 could commit after one holding 11, and a reader who already went
 * past 11 would never see 10. Writers of the levy list are few (one consumer, the tax bureau's
 * posts), so serialising them costs little.
 */
@Repository
public class LevyListService {

    private static final long CURSOR_LOCK = 0x7461784c65767931L; // "taxLevy1"

    private final JdbcTemplate jdbc;
    private final RefundDueService refundsDue;

    LevyListService(JdbcTemplate jdbc, RefundDueService refundsDue) {
        this.jdbc = jdbc;
        this.refundsDue = refundsDue;
    }

    /**
     * Call before touching any levy item row in a transaction (re-entrant): writers then never
     * hold a row while waiting for the lock, so they cannot deadlock each other.
     */
    public void lockForCursorOrder() {
        jdbc.execute("select pg_advisory_xact_lock(" + CURSOR_LOCK + ")");
    }

    /** The region of the person's item for that year, if any fact about it has arrived. */
    public Optional<String> regionOf(String personId, int coverageYear) {
        return jdbc.queryForList("select region from levy_item where person_id = ? and coverage_year = ?",
                String.class, personId, coverageYear).stream().findFirst();
    }

    /** Counts a confirmed payment, whether or not the enrolment has arrived yet. */
    public void addPayment(String personId, int coverageYear, String region, BigDecimal amount) {
        lockForCursorOrder();
        jdbc.update("""
                insert into levy_item (person_id, coverage_year, region, paid_total, change_cursor)
                values (?, ?, ?, ?, nextval('levy_cursor'))
                on conflict (person_id, coverage_year) do update
                set paid_total = levy_item.paid_total + excluded.paid_total, change_cursor = excluded.change_cursor""",
                personId, coverageYear, region, amount);
        settleIfPaid(personId, coverageYear);
        refundsDue.review(personId, coverageYear);
    }

    /**
     * Takes a refund off the paid total. A refund that takes the net below the settled payable
     * un-counts the person (DOMAIN.md): the settlement is forgotten, so what is due is the
     * current payable again, until the net covers it once more.
     */
    public void subtractRefund(String personId, int coverageYear, BigDecimal amount) {
        lockForCursorOrder();
        jdbc.update("""
                update levy_item
                set paid_total = paid_total - ?, change_cursor = nextval('levy_cursor'),
                    settled_payable = case when paid_total - ? < settled_payable then null else settled_payable end
                where person_id = ? and coverage_year = ?""",
                amount, amount, personId, coverageYear);
        settleIfPaid(personId, coverageYear);
        refundsDue.review(personId, coverageYear);
    }

    /** A new enrolment for the year is the current registration, also after a withdrawal, unless it is older than it. */
    void enrol(PersonEnrolled enrolled, Instant at) {
        lockForCursorOrder();
        jdbc.update("""
                insert into levy_item (person_id, coverage_year, region, id_number_sealed, id_number_masked, name_masked,
                                       township, village, roster_at, change_cursor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('levy_cursor'))
                on conflict (person_id, coverage_year) do update
                set region = excluded.region, id_number_sealed = excluded.id_number_sealed,
                    id_number_masked = excluded.id_number_masked, name_masked = excluded.name_masked,
                    township = excluded.township, village = excluded.village, withdrawn = false,
                    roster_at = excluded.roster_at, change_cursor = excluded.change_cursor
                where levy_item.roster_at <= excluded.roster_at""",
                enrolled.personId(), enrolled.coverageYear(), enrolled.region(), enrolled.idNumberSealed(),
                enrolled.idNumberMasked(), enrolled.nameMasked(), enrolled.township(), enrolled.village(), Timestamp.from(at));
        refundsDue.review(enrolled.personId(), enrolled.coverageYear());
    }

    void update(PersonUpdated updated) {
        // before the first row is touched: a payment holding the lock may be waiting for that row
        lockForCursorOrder();
        jdbc.update("""
                update levy_item set township = coalesce(?, township), village = coalesce(?, village)
                where person_id = ? and coverage_year = ?""",
                updated.township(), updated.village(), updated.personId(), updated.coverageYear());
        if (updated.nameMasked() != null) {
            // the name is on the tax bureau's list, so a new one is a change it must page to
            jdbc.update("""
                    update levy_item set name_masked = ?, change_cursor = nextval('levy_cursor')
                    where person_id = ? and coverage_year = ? and name_masked is distinct from ?""",
                    updated.nameMasked(), updated.personId(), updated.coverageYear(), updated.nameMasked());
        }
    }

    /** Kept even before the enrolment arrives, so that a late older enrolment stays out. */
    void withdraw(PersonWithdrawn withdrawn, Instant at) {
        lockForCursorOrder();
        jdbc.update("""
                insert into levy_item (person_id, coverage_year, region, withdrawn, roster_at, change_cursor)
                values (?, ?, ?, true, ?, nextval('levy_cursor'))
                on conflict (person_id, coverage_year) do update
                set withdrawn = true, roster_at = excluded.roster_at,
                    change_cursor = case when levy_item.withdrawn then levy_item.change_cursor else excluded.change_cursor end
                where levy_item.roster_at <= excluded.roster_at""",
                withdrawn.personId(), withdrawn.coverageYear(), withdrawn.region(), Timestamp.from(at));
        refundsDue.review(withdrawn.personId(), withdrawn.coverageYear());
    }

    void assess(ContributionAssessed assessed, Instant at) {
        lockForCursorOrder();
        String category = assessed.assistanceCategory() == null ? null : assessed.assistanceCategory().name();
        jdbc.update("""
                insert into levy_item (person_id, coverage_year, region, payable_amount, assistance_category, assessed_at,
                                       change_cursor)
                values (?, ?, ?, ?, ?, ?, nextval('levy_cursor'))
                on conflict (person_id, coverage_year) do update
                set payable_amount = excluded.payable_amount, assistance_category = excluded.assistance_category,
                    assessed_at = excluded.assessed_at, change_cursor = excluded.change_cursor
                where levy_item.assessed_at <= excluded.assessed_at
                  and (levy_item.payable_amount is distinct from excluded.payable_amount
                       or levy_item.assistance_category is distinct from excluded.assistance_category)""",
                assessed.personId(), assessed.coverageYear(), assessed.region(), assessed.payableAmount(), category,
                Timestamp.from(at));
        settleIfPaid(assessed.personId(), assessed.coverageYear());
        refundsDue.review(assessed.personId(), assessed.coverageYear());
    }

    /**
     * Remembers the payable the person first paid in full: an assistance ending later must not
     * send the tax bureau after a settled resident again (DOMAIN.md, no new debt once settled).
     */
    private void settleIfPaid(String personId, int coverageYear) {
        jdbc.update("""
                update levy_item set settled_payable = payable_amount
                where person_id = ? and coverage_year = ? and settled_payable is null and payable_amount is not null
                  and paid_total >= payable_amount""",
                personId, coverageYear);
    }

    /** Listed items (enrolled) of a region and year changed after the cursor, in cursor order. */
    List<LevyItem> changesAfter(String region, int coverageYear, long after, int limit) {
        return jdbc.query("""
                select change_cursor, id_number_sealed, id_number_masked, name_masked, coverage_year,
                       least(payable_amount, settled_payable) as payable_amount, assistance_category, paid_total, withdrawn
                from levy_item
                where region = ? and coverage_year = ? and id_number_sealed is not null and change_cursor > ?
                order by change_cursor
                limit ?""",
                (row, n) -> new LevyItem(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                        row.getBigDecimal(6), row.getString(7), row.getBigDecimal(8), row.getBoolean(9)),
                region, coverageYear, after, limit);
    }

    /** One listed item as stored: the number only sealed and masked. */
    record LevyItem(long cursor, String idNumberSealed, String idNumberMasked, String nameMasked, int coverageYear,
            BigDecimal payableAmount, String assistanceCategory, BigDecimal paidTotal, boolean withdrawn) {

        LevyStatus status() {
            return LevyStatus.of(payableAmount, paidTotal, withdrawn);
        }
    }
}
