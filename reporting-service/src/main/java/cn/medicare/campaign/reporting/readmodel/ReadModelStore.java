package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.BusinessTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ReadModelStore {

    private final JdbcTemplate jdbc;

    ReadModelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void campaign(CampaignDefined campaign) {
        jdbc.update("""
                insert into campaign (region, coverage_year, version, definition) values (?, ?, ?, ?::json)
                on conflict (region, coverage_year) do update set version = excluded.version, definition = excluded.definition
                where campaign.version <= excluded.version""",
                campaign.region(), campaign.coverageYear(), campaign.version(), EventJson.write(campaign));
    }

    void targets(TargetsSet targets) {
        jdbc.update("delete from township_target where region = ? and coverage_year = ?", targets.region(), targets.coverageYear());
        for (TargetsSet.Target target : targets.targets()) {
            jdbc.update("insert into township_target (region, coverage_year, township, township_name, target) values (?, ?, ?, ?, ?)",
                    targets.region(), targets.coverageYear(), target.township(), target.townshipName(), target.target());
        }
    }

    /**
     * An enrolment is the current registration for the year, also after an earlier withdrawal; one
     * older than the roster fact already applied (a replayed dead letter) changes nothing.
     */
    void registered(PersonEnrolled person, Instant at) {
        jdbc.update("""
                insert into person_year (person_id, coverage_year, region, township, village, id_number_masked, name_masked,
                    person_category, hukou_local, residence_permit, registered_at, enrolled_on, roster_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (person_id, coverage_year) do update set region = excluded.region, township = excluded.township,
                    village = excluded.village, id_number_masked = excluded.id_number_masked, name_masked = excluded.name_masked,
                    person_category = excluded.person_category, hukou_local = excluded.hukou_local,
                    residence_permit = excluded.residence_permit, registered_at = excluded.registered_at,
                    enrolled_on = excluded.enrolled_on, roster_at = excluded.roster_at,
                    withdrawn_on = null
                where person_year.roster_at <= excluded.roster_at""",
                person.personId(), person.coverageYear(), person.region(), person.township(), person.village(),
                person.idNumberMasked(), person.nameMasked(), person.personCategory().name(), person.hukouLocal(),
                person.residencePermit(), Timestamp.from(at),
                person.enrolledOn() != null ? person.enrolledOn() : at.atZone(BusinessTime.ZONE).toLocalDate(), Timestamp.from(at));
    }

    void updated(PersonUpdated person, Instant at) {
        jdbc.update("""
                update person_year set township = coalesce(?, township), village = coalesce(?, village), name_masked = coalesce(?, name_masked),
                    person_category = coalesce(?, person_category), hukou_local = coalesce(?, hukou_local),
                    residence_permit = coalesce(?, residence_permit), roster_at = ?
                where person_id = ? and coverage_year = ? and roster_at <= ?""",
                person.township(), person.village(), person.nameMasked(),
                person.personCategory() == null ? null : person.personCategory().name(),
                person.hukouLocal(), person.residencePermit(), Timestamp.from(at), person.personId(), person.coverageYear(),
                Timestamp.from(at));
    }

    void withdrawn(PersonWithdrawn person, Instant at) {
        ensurePersonYear(person.personId(), person.coverageYear(), person.region());
        jdbc.update("update person_year set withdrawn_on = ?, roster_at = ? where person_id = ? and coverage_year = ? and roster_at <= ?",
                person.effectiveDate(), Timestamp.from(at), person.personId(), person.coverageYear(), Timestamp.from(at));
    }

    /** Every assessment joins the history (settlement is judged by event time); the current one is the latest. */
    void assessed(ContributionAssessed assessment, Instant at) {
        ensurePersonYear(assessment.personId(), assessment.coverageYear(), assessment.region());
        jdbc.update("""
                insert into assessment_history (person_id, coverage_year, assessed_at, payable_amount) values (?, ?, ?, ?)
                on conflict do nothing""",
                assessment.personId(), assessment.coverageYear(), Timestamp.from(at), assessment.payableAmount());
        jdbc.update("""
                update person_year set standard_amount = ?, subsidy_amount = ?, payable_amount = ?, assistance_category = ?,
                    assessed_at = ?
                where person_id = ? and coverage_year = ? and assessed_at <= ?""",
                assessment.standardAmount(), assessment.subsidyAmount(), assessment.payableAmount(),
                assessment.assistanceCategory() == null ? null : assessment.assistanceCategory().name(), Timestamp.from(at),
                assessment.personId(), assessment.coverageYear(), Timestamp.from(at));
    }

    void adjusted(EligibilityAdjusted adjustment) {
        jdbc.update("""
                insert into eligibility_adjustment (person_id, coverage_year, region, batch_id, agency, category, action, effective_date)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                adjustment.personId(), adjustment.coverageYear(), adjustment.region(), adjustment.batchId(), adjustment.agency().name(),
                adjustment.category().name(), adjustment.action().name(), adjustment.effectiveDate());
    }

    /** A voucher counts once, even when the tax adapter published it twice under two event ids. */
    void paid(PaymentConfirmed payment) {
        ensurePersonYear(payment.personId(), payment.coverageYear(), payment.region());
        boolean newVoucher = jdbc.update("""
                insert into payment (voucher_no, person_id, coverage_year, amount, channel, paid_at) values (?, ?, ?, ?, ?, ?)
                on conflict (voucher_no) do nothing""",
                payment.voucherNo(), payment.personId(), payment.coverageYear(), payment.amount(), payment.channel().name(),
                Timestamp.from(payment.paidAt())) == 1;
        if (newVoucher) {
            jdbc.update("update person_year set paid_amount = paid_amount + ? where person_id = ? and coverage_year = ?",
                    payment.amount(), payment.personId(), payment.coverageYear());
        }
    }

    void refunded(PaymentRefunded refund) {
        ensurePersonYear(refund.personId(), refund.coverageYear(), refund.region());
        boolean newRefund = jdbc.update("""
                insert into refund (refund_no, voucher_no, person_id, coverage_year, amount, refunded_at) values (?, ?, ?, ?, ?, ?)
                on conflict (refund_no) do nothing""",
                refund.refundNo(), refund.voucherNo(), refund.personId(), refund.coverageYear(), refund.amount(),
                Timestamp.from(refund.refundedAt())) == 1;
        if (newRefund) {
            jdbc.update("update person_year set refunded_amount = refunded_amount + ? where person_id = ? and coverage_year = ?",
                    refund.amount(), refund.personId(), refund.coverageYear());
        }
    }

    /** Re-judges settlement from every payable and payment of the person-year ({@link SettlementRule}). */
    void settle(String personId, int coverageYear) {
        List<SettlementRule.Fact> facts = new ArrayList<>();
        jdbc.query("select assessed_at, payable_amount from assessment_history where person_id = ? and coverage_year = ?",
                row -> {
                    facts.add(SettlementRule.Fact.assessed(row.getTimestamp(1).toInstant(), row.getBigDecimal(2)));
                }, personId, coverageYear);
        jdbc.query("""
                select paid_at, amount from payment where person_id = ? and coverage_year = ?
                union all
                select refunded_at, -amount from refund where person_id = ? and coverage_year = ?""",
                row -> {
                    facts.add(SettlementRule.Fact.paid(row.getTimestamp(1).toInstant(), row.getBigDecimal(2)));
                }, personId, coverageYear, personId, coverageYear);
        jdbc.update("update person_year set settled_payable = ? where person_id = ? and coverage_year = ?",
                SettlementRule.settledPayable(facts), personId, coverageYear);
    }

    /** A payment or an assessment may come before the enrolment: the person-year exists from the first fact. */
    private void ensurePersonYear(String personId, int coverageYear, String region) {
        jdbc.update("insert into person_year (person_id, coverage_year, region) values (?, ?, ?) on conflict do nothing",
                personId, coverageYear, region);
    }
}
