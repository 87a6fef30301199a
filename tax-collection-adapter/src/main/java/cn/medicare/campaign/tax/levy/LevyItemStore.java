package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import cn.medicare.campaign.kit.PersonYears;
import cn.medicare.campaign.kit.RosterChanges;
import cn.medicare.campaign.kit.inbox.Timed;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 征缴名单: the levy items in the database, one per person and coverage year. Every change a
 * reader of the list must see clears the item's cursor; {@link #sequencePending()} hands out new ones.
 */
@Repository
class LevyItemStore {

    /** The fields PersonUpdated changes on the levy list, kept with their times in {@code levy_update} (V15). */
    private static final RosterChanges CHANGES = new RosterChanges("levy_update", List.of(new RosterChanges.Field("township", "text"),
            new RosterChanges.Field("village", "text"), new RosterChanges.Field("name_masked", "text")));

    private static final long SEQUENCER_LOCK = 0x7461784c65767931L; // "taxLevy1"
    /** What the person owes of their own money now ({@link #ownPayable}). */
    private static final String OWN_PAYABLE = ownPayable("fund_paid");
    /** Not paid what the person owes, never settled or no longer since money was taken back. */
    private static final String UNPAID = "(settled_payable is null or paid_total < least(%s, settled_payable))".formatted(OWN_PAYABLE);
    /** What the item's settled payable is once what was paid is counted ({@link #settledPayable}). */
    private static final String SETTLED_PAYABLE = settledPayable("", "paid_total", "fund_paid");
    /**
     * Whether a judgement may change the item as it now stands ({@link LevyListService}): about to settle, already
     * settled with the coverage start not yet announced, with a start announced and nothing paid (a revoked withdrawal's
     * enrolment after a refund made while it stood: the start is taken back), or with money paid or owed back (nothing is
     * owed back of nothing paid, RefundDueRule). Each upsert of the roster's and the assessment's facts returns the rows it changed
     * that are so: a batch of enrolments and assessments before anyone paid then has nothing more to read.
     */
    private static final String REVIEWABLE = """
            paid_total > 0 or refund_due <> 0 or settled_payable is distinct from %s
            or (coverage_from is not null and not coverage_announced and not withdrawn and settled_payable is not null)
            or (coverage_from is not null and coverage_announced and not withdrawn and %s)"""
            .formatted(SETTLED_PAYABLE, UNPAID);

    /**
     * The money of the person-years {@link PersonYears#MATCH} names, as it moved, for the judgements by event time: each
     * payment when it was made, each refund of the person's own money when it was made. The assistance fund's money it took
     * back counts as never paid (its voucher net of its refunds, at the voucher's time), so a settlement that money made is
     * undone rather than kept as the cap (docs/domain.md, "The fund's money taken back"). Money of an earlier registration
     * refunded after the registration that followed its withdrawal is gone when that registration is settled anew: the
     * refund counts at the registration (money before a registration at the same instant: {@link SettlementRule}).
     */
    private static final String MONEY = """
            select person_id, coverage_year, paid_at as at, voucher_no as ref,
                   case when channel = 'ASSISTANCE_FUND' then 0.00 else amount end as own,
                   case when channel = 'ASSISTANCE_FUND'
                        then amount - coalesce((select sum(refund.amount) from refund where refund.voucher_no = payment.voucher_no), 0.00)
                        else 0.00 end as fund
            from payment where %1$s
            union all
            select payment.person_id, payment.coverage_year,
                   case when payment.paid_at < levy_item.settled_anew_at and refund.refunded_at > levy_item.settled_anew_at
                        then levy_item.settled_anew_at else refund.refunded_at end,
                   refund.refund_no, -refund.amount, 0.00
            from (select * from payment where %1$s and channel <> 'ASSISTANCE_FUND') payment
                 join refund on refund.voucher_no = payment.voucher_no
                 join levy_item on levy_item.person_id = payment.person_id and levy_item.coverage_year = payment.coverage_year"""
            .formatted(PersonYears.MATCH);

    /** The business day of the person-year's last refund (of their money or the assistance fund's), or null. */
    private static final String LAST_REFUNDED_ON = """
            (select cast(max(refund.refunded_at) at time zone 'Asia/Shanghai' as date) from refund
             where refund.person_id = levy_item.person_id and refund.coverage_year = levy_item.coverage_year)""";
    /**
     * The business day of the item's registration: the day it gives, else the day its event was sent (PersonEnrolled's
     * {@code enrolledOn} is optional), so that money paid before a registration starts no coverage before it.
     */
    private static final String REGISTERED_ON = "coalesce(enrolled_on, cast(registered_at at time zone 'Asia/Shanghai' as date))";
    /**
     * The items whose start waits for the payment, assessed, with part of what is owed paid and the rest not
     * ({@link #partlyPaidAwaitingCoverage}; before the assessment no one knows whether what was paid is part or all), as
     * {@link AwaitedCoverage}: a condition of the caller's follows.
     */
    private static final String PARTLY_PAID_AWAITING_COVERAGE = """
            select person_id, coverage_year, region, coverage_from, waiting_days, waiting_months,
                   greatest(last_paid_on, %s) as last_paid_on, %s as enrolled_on, paid_total
            from levy_item
            where coverage_from is not null and not coverage_announced and not withdrawn and payable_amount is not null
              and %s
              and paid_total > 0 and last_paid_on is not null
              and\s""".formatted(LAST_REFUNDED_ON, REGISTERED_ON, UNPAID);
    /**
     * Whether the enrolment an upsert brings registers the item again after its withdrawal: on or after the day the
     * withdrawal took effect. A revoked withdrawal (撤销终止参保) announces the enrolment it ended again
     * ({@code withdrawalRevoked}): the person's registration goes on, settlement and all, even where the withdrawal took
     * effect on or before the enrolment's day (an older enrollment-service's announcement, without the flag, is told by
     * that earlier day alone).
     */
    private static final String REGISTERED_AGAIN = """
            (levy_item.withdrawn and not excluded.registration_revokes
             and coalesce(excluded.enrolled_on, cast(excluded.registered_at at time zone 'Asia/Shanghai' as date))
                 >= levy_item.withdrawn_on)""";

    /**
     * Whether the enrolment an upsert brings voids an application's grant that rested on the enrolment having ended before
     * coverage: a registration after the withdrawal, or the withdrawal revoked (撤销终止参保). What the person paid is a
     * contribution again, settling the registration; the grant owed would have had the tax bureau refund it.
     */
    private static final String ENDING_GRANT_VOID = """
            (levy_item.applied_refund_reason = 'WITHDRAWN_BEFORE_COVERAGE' and levy_item.withdrawn
             and (%s or excluded.registration_revokes))""".formatted(REGISTERED_AGAIN);

    /**
     * Whether the enrolment an upsert brings is a revoked withdrawal's announcing the start this item announced: the enrolment
     * gives that start, no longer how it was derived (its {@code coverageFrom} travels only while the start waits). The
     * registration goes on, so the start stays one that waits for the payment: a refund before it still takes it back.
     */
    private static final String KEEPS_ITS_ANNOUNCED_START = """
            (excluded.registration_revokes and levy_item.coverage_announced and levy_item.coverage_from is not null
             and excluded.coverage_from is null and excluded.coverage_start is not distinct from levy_item.coverage_start)""";

    private static final RowMapper<AwaitedCoverage> AWAITED = DataClassRowMapper.newInstance(AwaitedCoverage.class);

    private final JdbcClient jdbc;

    LevyItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives every committed change still without a cursor the next values of {@code levy_cursor}, in a
     * transaction of its own that no other sequencing overlaps: see {@link LevyListService}. Rows a
     * writer holds are left for the next time.
     */
    void sequencePending() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", SEQUENCER_LOCK).query().singleRow();
        jdbc.sql("""
                update levy_item set change_cursor = nextval('levy_cursor')
                from (select person_id, coverage_year from levy_item where change_cursor is null
                      order by person_id, coverage_year for update skip locked) pending
                where levy_item.person_id = pending.person_id and levy_item.coverage_year = pending.coverage_year""")
                .update();
    }

    Optional<String> townshipOf(String personId, int coverageYear) {
        return jdbc.sql("select township from levy_item where person_id = :personId and coverage_year = :coverageYear and township is not null")
                .param("personId", personId).param("coverageYear", coverageYear)
                .query(String.class).optional();
    }

    /** The regions of those of the person-years that have an item. */
    Map<PersonYear, Listed> listedAs(Collection<PersonYear> keys) {
        Map<PersonYear, Listed> listed = new HashMap<>();
        keys(jdbc.sql("""
                select person_id, coverage_year, region, id_number_masked from levy_item where %s""".formatted(PersonYears.MATCH)), keys)
                .query(row -> {
                    listed.put(new PersonYear(row.getString(1), row.getInt(2)), new Listed(row.getString(3), row.getString(4)));
                });
        return listed;
    }

    /**
     * Counts payments in one statement; the payments of one person-year are summed first, as
     * one statement may change a row only once. Answers with the items whose settlement the order of their facts can move
     * ({@link #settleByEventTime}), the fund's money marking them so. The same statement settles an item the payments
     * pay in full, as {@link #settleIfPaid} would: an update of its own wrote every payer's row a
     * second time: the county benchmark's payment calls waited 9.0 of their 58 s for it (docs/delivery.md).
     */
    List<PersonYear> addPayments(Collection<Payment> payments) {
        Map<PersonYear, Payment> byItem = new LinkedHashMap<>();
        payments.forEach(payment -> byItem.merge(payment.item(), payment, Payment::plus));
        List<Payment> items = List.copyOf(byItem.values());
        List<PersonYear> orderMatters = new ArrayList<>();
        jdbc.sql("""
                insert into levy_item (person_id, coverage_year, region, paid_total, fund_paid, last_paid_on, order_matters, change_cursor)
                select person_id, coverage_year, region, own, fund, paid_on, fund > 0, null
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                            cast(:own as numeric[]), cast(:fund as numeric[]), cast(:paidOn as date[]))
                     as payments(person_id, coverage_year, region, own, fund, paid_on)
                on conflict (person_id, coverage_year) do update
                set paid_total = levy_item.paid_total + excluded.paid_total, fund_paid = levy_item.fund_paid + excluded.fund_paid,
                    change_cursor = excluded.change_cursor, last_paid_on = greatest(levy_item.last_paid_on, excluded.last_paid_on),
                    order_matters = levy_item.order_matters or (excluded.order_matters and not levy_item.settled_by_arrival),
                    settled_payable = %s
                returning person_id, coverage_year, order_matters""".formatted(
                        settledPayable("levy_item.", "levy_item.paid_total + excluded.paid_total", "levy_item.fund_paid + excluded.fund_paid")))
                .param("personIds", items.stream().map(payment -> payment.item().personId()).toArray(String[]::new))
                .param("coverageYears", items.stream().map(payment -> payment.item().coverageYear()).toArray(Integer[]::new))
                .param("regions", items.stream().map(Payment::region).toArray(String[]::new))
                .param("own", items.stream().map(payment -> payment.own().toPlainString()).toArray(String[]::new))
                .param("fund", items.stream().map(payment -> payment.fund().toPlainString()).toArray(String[]::new))
                .param("paidOn", items.stream().map(payment -> payment.paidOn().toString()).toArray(String[]::new))
                .query((RowCallbackHandler) row -> {
                    if (row.getBoolean(3)) {
                        orderMatters.add(new PersonYear(row.getString(1), row.getInt(2)));
                    }
                });
        return orderMatters;
    }

    /** A payment as the levy item counts it: the person's own money and the assistance fund's (代缴) apart. */
    record Payment(PersonYear item, String region, BigDecimal own, BigDecimal fund, LocalDate paidOn) {

        Payment plus(Payment other) {
            return new Payment(item, region, own.add(other.own), fund.add(other.fund),
                    paidOn.isAfter(other.paidOn) ? paidOn : other.paidOn);
        }
    }

    /**
     * A refund that takes the net below the settled payable un-counts the person (DOMAIN.md) until they pay it back,
     * but never raises what they are held to: the settled payable stays the cap (no new debt once settled; reporting's
     * SettlementRule counts the same). A refund that takes the net below the settled payable while the payable is below it
     * pays back the assistance (先缴后返): the settled payable falls to the net, not below the payable, so that the
     * assistance ending later sends nobody after the money refunded; a duplicate refunded leaves it as it was. A refund of
     * the fund's voucher goes back to the fund.
     *
     * @return whether the order of the item's facts can move its settlement ({@link #settleByEventTime})
     */
    boolean subtractRefund(String personId, int coverageYear, BigDecimal amount, boolean toTheFund) {
        return jdbc.sql(toTheFund ? """
                update levy_item set fund_paid = fund_paid - :amount, change_cursor = null
                where person_id = :personId and coverage_year = :coverageYear
                returning order_matters""" : """
                update levy_item
                set paid_total = paid_total - :amount, change_cursor = null,
                    applied_refund = greatest(0, applied_refund - :amount), too_late_refund = greatest(0, too_late_refund - :amount),
                    settled_payable = case when settled_payable > %1$s then greatest(%1$s, least(settled_payable, paid_total - :amount))
                                           else settled_payable end
                where person_id = :personId and coverage_year = :coverageYear
                returning order_matters""".formatted(OWN_PAYABLE))
                .param("personId", personId).param("coverageYear", coverageYear).param("amount", amount)
                .query(Boolean.class).optional().orElse(false);
    }

    /**
     * A run of enrolments in one statement. A new enrolment for the year is the current registration, also after a
     * withdrawal (its start is then announced again); one older than the roster fact the item holds changes nothing. The
     * changes kept for these person-years are then applied where newer ({@link #change}).
     *
     * <p>A registration after a withdrawal ({@link #REGISTERED_AGAIN}) is settled anew: the earlier registration's settled
     * payable no longer caps what this one owes (a late enrolee's fiscal part is asked), and the money still held counts
     * towards it ({@code settled_anew_at}, a fact of {@link SettlementRule}'s timeline).
     *
     * @return the items it changed that a judgement may now change ({@link #REVIEWABLE}; a move or a new name changes
     *     no judgement), and those settled anew that are judged by event time ({@link #settleByEventTime})
     */
    Reviews enrol(List<Timed<PersonEnrolled>> run) {
        List<Timed<PersonEnrolled>> latest = Timed.latestPer(run, enrolled -> new PersonYear(enrolled.personId(), enrolled.coverageYear()));
        List<PersonYear> settledAnew = new ArrayList<>();
        List<PersonYear> reviewable = reviewableAfter("""
                insert into levy_item (person_id, coverage_year, region, id_number_sealed, id_number_masked, name_masked,
                                       township, village, roster_at, registered_at, coverage_from, waiting_days, waiting_months,
                                       coverage_start, enrolled_on, registration_revokes, change_cursor)
                select person_id, coverage_year, region, id_number_sealed, id_number_masked, name_masked, township, village, at, at,
                       coverage_from, waiting_days, waiting_months, coverage_start, enrolled_on, revokes, null
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                            cast(:idNumbersSealed as varchar[]), cast(:idNumbersMasked as varchar[]), cast(:namesMasked as varchar[]),
                            cast(:townships as varchar[]), cast(:villages as varchar[]), cast(:at as timestamptz[]),
                            cast(:coverageFrom as varchar[]), cast(:waitingDays as int[]), cast(:waitingMonths as int[]),
                            cast(:coverageStarts as date[]), cast(:enrolledOn as date[]), cast(:revokes as boolean[]))
                    as enrolled(person_id, coverage_year, region, id_number_sealed, id_number_masked, name_masked, township, village,
                                at, coverage_from, waiting_days, waiting_months, coverage_start, enrolled_on, revokes)
                on conflict (person_id, coverage_year) do update
                set region = excluded.region, id_number_sealed = excluded.id_number_sealed,
                    id_number_masked = excluded.id_number_masked, name_masked = excluded.name_masked,
                    township = excluded.township, village = excluded.village,
                    withdrawn = false, withdrawn_on = null, withdrawal_reason = null, coverage_announced = %2$s,
                    settled_payable = case when %1$s then null else levy_item.settled_payable end,
                    settled_anew_at = case when %1$s then excluded.registered_at else levy_item.settled_anew_at end,
                    -- what the person still holds is a contribution again: judged anew for this registration, and an
                    -- application granted as the enrolment ended before coverage grants it no more
                    too_late_refund = case when %1$s then 0 else levy_item.too_late_refund end,
                    applied_refund = case when %3$s then 0 else levy_item.applied_refund end,
                    applied_refund_reason = case when %3$s then null else levy_item.applied_refund_reason end,
                    -- whether the earlier registration's money is refunded before or after it decides what settles it now
                    order_matters = levy_item.order_matters or (%1$s and not levy_item.settled_by_arrival),
                    roster_at = excluded.roster_at, registered_at = excluded.registered_at,
                    coverage_from = case when %2$s then levy_item.coverage_from else excluded.coverage_from end,
                    waiting_days = case when %2$s then levy_item.waiting_days else excluded.waiting_days end,
                    waiting_months = case when %2$s then levy_item.waiting_months else excluded.waiting_months end,
                    coverage_start = excluded.coverage_start, enrolled_on = excluded.enrolled_on,
                    registration_revokes = excluded.registration_revokes, change_cursor = excluded.change_cursor
                where levy_item.roster_at <= excluded.roster_at""".formatted(REGISTERED_AGAIN, KEEPS_ITS_ANNOUNCED_START, ENDING_GRANT_VOID), "order_matters and settled_anew_at = registered_at",
                settledAnew,
                statement -> statement
                .param("personIds", latest.stream().map(one -> one.event().personId()).toArray(String[]::new))
                .param("coverageYears", latest.stream().map(one -> one.event().coverageYear()).toArray(Integer[]::new))
                .param("regions", latest.stream().map(one -> one.event().region()).toArray(String[]::new))
                .param("idNumbersSealed", latest.stream().map(one -> one.event().idNumberSealed()).toArray(String[]::new))
                .param("idNumbersMasked", latest.stream().map(one -> one.event().idNumberMasked()).toArray(String[]::new))
                .param("namesMasked", latest.stream().map(one -> one.event().nameMasked()).toArray(String[]::new))
                .param("townships", latest.stream().map(one -> one.event().township()).toArray(String[]::new))
                .param("villages", latest.stream().map(one -> one.event().village()).toArray(String[]::new))
                .param("at", latest.stream().map(one -> one.time().toString()).toArray(String[]::new))
                .param("coverageFrom", latest.stream()
                        .map(one -> one.event().coverageFrom() == null ? null : one.event().coverageFrom().name()).toArray(String[]::new))
                .param("waitingDays", latest.stream().map(one -> one.event().waitingPeriodDays()).toArray(Integer[]::new))
                .param("waitingMonths", latest.stream()
                        .map(one -> one.event().waitingPeriodMonths() == null ? 0 : one.event().waitingPeriodMonths()).toArray(Integer[]::new))
                .param("coverageStarts", latest.stream()
                        .map(one -> one.event().coverageStart() == null ? null : one.event().coverageStart().toString()).toArray(String[]::new))
                .param("enrolledOn", latest.stream()
                        .map(one -> one.event().enrolledOn() == null ? null : one.event().enrolledOn().toString()).toArray(String[]::new))
                .param("revokes", latest.stream().map(one -> one.event().revokesAWithdrawal()).toArray(Boolean[]::new)));
        applyChanges(latest.stream().map(one -> one.event().personId()).toArray(String[]::new),
                latest.stream().map(one -> one.event().coverageYear()).toArray(Integer[]::new));
        return new Reviews(reviewable, settledAnew);
    }

    /** What roster facts changed: the items to review, and those settled anew to judge by event time. */
    record Reviews(List<PersonYear> reviewable, List<PersonYear> settledAnew) {
    }

    /**
     * A change is kept field by field ({@link #CHANGES}) and applied to the item where enrolled by then: a change that
     * overtook its own dead-lettered enrolment applies when the enrolment arrives (it would otherwise have set the roster
     * time past it, and the replay never listed the person), one replayed after a newer change keeps the fields that one
     * left.
     */
    void change(PersonUpdated updated, Instant at) {
        // a HashMap, since a field the change leaves as it was is null
        Map<String, Object> values = new HashMap<>();
        values.put("township", updated.township());
        values.put("village", updated.village());
        values.put("name_masked", updated.nameMasked());
        if (CHANGES.namesAny(values)) {
            jdbc.sql(CHANGES.keep()).params(values)
                    .param("at", Timestamp.from(at)).param("personId", updated.personId()).param("coverageYear", updated.coverageYear())
                    .update();
            applyChanges(new String[] {updated.personId()}, new Integer[] {updated.coverageYear()});
        }
    }

    /**
     * The kept changes of these person-years, applied to their enrolled items where newer than the enrolment (an item an
     * older version enrolled has no registration time: its roster time, which changes no longer move, stands in). A new
     * name is a change the tax bureau pages to.
     */
    private void applyChanges(String[] personIds, Integer[] coverageYears) {
        String registeredAt = "coalesce(levy_item.registered_at, levy_item.roster_at)";
        jdbc.sql(CHANGES.apply("levy_item", registeredAt, "levy_item.id_number_sealed is not null", """
                change_cursor = case when %s and change.name_masked is distinct from levy_item.name_masked then null
                                     else levy_item.change_cursor end,""".formatted(RosterChanges.newer("name_masked", registeredAt))))
                .param("personIds", personIds).param("coverageYears", coverageYears)
                .update();
    }

    /**
     * Kept even before the enrolment arrives, so that a late older enrolment stays out. A withdrawal older than the
     * registration the item holds (replayed from the dead letters after it) changes nothing on the roster, but that
     * registration, made on or after the day the withdrawal took effect, followed it: it is settled anew from its time, as if
     * the withdrawal had come first ({@link #REGISTERED_AGAIN}), unless it announced the enrolment again after the withdrawal
     * was revoked.
     *
     * @return the item, where the withdrawal changed it and a judgement may now change it ({@link #REVIEWABLE}), or where its
     *     registration is now settled anew and judged by event time
     */
    Reviews withdraw(PersonWithdrawn withdrawn, Instant at) {
        List<PersonYear> settledAnew = new ArrayList<>();
        // an item from before V15 has its roster time for a registration time, which changes moved (V15): no order to tell
        jdbc.sql("""
                update levy_item set settled_anew_at = registered_at, settled_payable = null, change_cursor = null, order_matters = true,
                                     too_late_refund = 0
                where person_id = :personId and coverage_year = :coverageYear and not settled_by_arrival
                  and registered_at > :at and %s >= :withdrawnOn and not registration_revokes
                  and settled_anew_at is distinct from registered_at
                returning person_id, coverage_year""".formatted(REGISTERED_ON))
                .param("personId", withdrawn.personId()).param("coverageYear", withdrawn.coverageYear()).param("at", Timestamp.from(at))
                .param("withdrawnOn", withdrawn.effectiveOn())
                .query((RowCallbackHandler) row -> settledAnew.add(new PersonYear(row.getString(1), row.getInt(2))));
        List<PersonYear> reviewable = new ArrayList<>(settledAnew);
        reviewable.addAll(reviewableAfter("""
                insert into levy_item (person_id, coverage_year, region, withdrawn, withdrawn_on, withdrawal_reason, roster_at, change_cursor)
                values (:personId, :coverageYear, :region, true, :withdrawnOn, :reason, :at, null)
                on conflict (person_id, coverage_year) do update
                set withdrawn = true, withdrawn_on = excluded.withdrawn_on, withdrawal_reason = excluded.withdrawal_reason,
                    roster_at = excluded.roster_at,
                    change_cursor = case when levy_item.withdrawn then levy_item.change_cursor else excluded.change_cursor end
                where levy_item.roster_at <= excluded.roster_at""", statement -> statement
                .param("personId", withdrawn.personId()).param("coverageYear", withdrawn.coverageYear())
                .param("region", withdrawn.region()).param("at", Timestamp.from(at))
                .param("withdrawnOn", withdrawn.effectiveOn()).param("reason", withdrawn.reason().name())));
        return new Reviews(reviewable, settledAnew);
    }

    /**
     * A run of assessments in one statement. The latest assessment of a person-year is kept, and
     * its time even when the amount did not change, so that an older one replayed later cannot
     * win; only a new payable, category or subsidy (the fund's money beyond it lowers what is listed)
     * puts the item on the tax bureau's list of changes again (of several in a run, only the last
     * counts: the tax bureau pages to where the item ends). A new standard moves a settled item's settled payable by as
     * much, never above what they owe now, as {@link SettlementRule} judges it: the rule for an item judged as its facts
     * arrive ({@code settled_by_arrival}), which keeps no least payable since settling.
     *
     * @return the items it changed that a judgement may now change ({@link #REVIEWABLE}), and those whose settlement the
     *     order of their facts can move ({@link #settleByEventTime})
     */
    Assessed assess(List<Timed<ContributionAssessed>> run) {
        List<PersonYear> orderMatters = keepAssessments(run);
        return new Assessed(assessLatest(run, Set.copyOf(orderMatters)), orderMatters);
    }

    /** What a run of assessments changed: the items to review, and those to judge by event time. */
    record Assessed(List<PersonYear> reviewable, List<PersonYear> orderMatters) {
    }

    /** @param orderMatters the items to mark so: an item this run starts with two assessments is not there to be marked before */
    private List<PersonYear> assessLatest(List<Timed<ContributionAssessed>> run, Set<PersonYear> orderMatters) {
        List<Timed<ContributionAssessed>> latest = Timed.latestPer(run,
                assessed -> new PersonYear(assessed.personId(), assessed.coverageYear()));
        return reviewableAfter("""
                insert into levy_item (person_id, coverage_year, region, payable_amount, subsidy_amount, standard_amount,
                                       assistance_category, assessed_at, order_matters, change_cursor)
                select person_id, coverage_year, region, payable, subsidy, standard, category, at, order_matters, null
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                            cast(:payable as numeric[]), cast(:subsidy as numeric[]), cast(:standard as numeric[]),
                            cast(:categories as varchar[]), cast(:at as timestamptz[]), cast(:orderMatters as boolean[]))
                    as assessed(person_id, coverage_year, region, payable, subsidy, standard, category, at, order_matters)
                on conflict (person_id, coverage_year) do update
                set payable_amount = excluded.payable_amount, subsidy_amount = excluded.subsidy_amount,
                    standard_amount = excluded.standard_amount,
                    -- a new standard moves what a settled person is held to by as much (SettlementRule.moveWithTheStandard)
                    settled_payable = case when levy_item.settled_payable is null
                                             or excluded.standard_amount = levy_item.standard_amount is not false
                                           then levy_item.settled_payable
                                           else greatest(0.00, least(levy_item.settled_payable + excluded.standard_amount
                                                                     - levy_item.standard_amount, %s))
                                      end,
                    assistance_category = excluded.assistance_category, assessed_at = excluded.assessed_at,
                    order_matters = levy_item.order_matters or (excluded.order_matters and not levy_item.settled_by_arrival),
                    change_cursor = case when levy_item.payable_amount is distinct from excluded.payable_amount
                                           or levy_item.assistance_category is distinct from excluded.assistance_category
                                           -- the fund's money beyond the subsidy lowers what is listed: a new subsidy alone moves it
                                           or levy_item.subsidy_amount is distinct from excluded.subsidy_amount
                                         then null else levy_item.change_cursor end
                where levy_item.assessed_at <= excluded.assessed_at""".formatted(ownPayable("excluded.", "levy_item.fund_paid")),
                statement -> statement
                .param("personIds", latest.stream().map(one -> one.event().personId()).toArray(String[]::new))
                .param("coverageYears", latest.stream().map(one -> one.event().coverageYear()).toArray(Integer[]::new))
                .param("regions", latest.stream().map(one -> one.event().region()).toArray(String[]::new))
                .param("payable", latest.stream().map(one -> one.event().payableAmount().toPlainString()).toArray(String[]::new))
                .param("subsidy", latest.stream().map(one -> one.event().subsidyAmount().toPlainString()).toArray(String[]::new))
                .param("standard", latest.stream().map(one -> one.event().standardAmount().toPlainString()).toArray(String[]::new))
                .param("categories", latest.stream().map(one -> one.event().assistanceCategory() == null ? null
                        : one.event().assistanceCategory().name()).toArray(String[]::new))
                .param("at", latest.stream().map(one -> one.time().toString()).toArray(String[]::new))
                .param("orderMatters", latest.stream().map(one -> String.valueOf(orderMatters.contains(
                        new PersonYear(one.event().personId(), one.event().coverageYear())))).toArray(String[]::new)));
    }

    /**
     * The assessments of every item that has had two or more ({@code levy_assessment}), older ones too, for
     * {@link #settleByEventTime}: when the second comes, the one the item held joins first (numbered 0, once: an index
     * allows one). An item assessed once keeps its one in the item alone, as most of a season's are: a row each would cost
     * as much again as the assessment. The run's are numbered in the order they arrived, which decides between two at the
     * same instant, as the guard of {@link #assess} does. An item from before V16 ({@code settled_by_arrival}, V17) keeps
     * none: its earlier assessments are not known, and it stays judged as its facts arrive.
     *
     * @return the run's items whose settlement the order of their facts can move: assessed twice or more, or paid for by
     *     the fund; those the item already holds are marked so ({@code order_matters}), which payments and refunds read
     */
    private List<PersonYear> keepAssessments(List<Timed<ContributionAssessed>> run) {
        return jdbc.sql("""
                with item as (
                    select person_id, coverage_year, assessed_at, payable_amount, subsidy_amount, standard_amount, order_matters,
                           settled_by_arrival
                    from levy_item where %s
                ), held as (
                    select person_id, coverage_year, assessed_at as at, payable_amount as payable, coalesce(subsidy_amount, 0.00) as subsidy,
                           standard_amount as standard
                    from item where payable_amount is not null and assessed_at > '-infinity' and not settled_by_arrival
                ), incoming as (
                    select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:at as timestamptz[]),
                                         cast(:payable as numeric[]), cast(:subsidy as numeric[]), cast(:standard as numeric[]))
                            with ordinality
                        as incoming(person_id, coverage_year, at, payable, subsidy, standard, position)
                ), kept as (
                    select person_id, coverage_year from held
                    union
                    select person_id, coverage_year from incoming
                    where (person_id, coverage_year) not in (select person_id, coverage_year from item where settled_by_arrival)
                    group by person_id, coverage_year having count(*) > 1
                ), inserted as (
                    insert into levy_assessment (person_id, coverage_year, assessed_at, arrived, payable_amount, subsidy_amount,
                                                 standard_amount)
                    select person_id, coverage_year, at, 0, payable, subsidy, standard from held
                    union all
                    select person_id, coverage_year, at, nextval('levy_assessment_arrival'), payable, subsidy, standard
                    from (select incoming.* from incoming join kept using (person_id, coverage_year) order by position) in_arrival
                    on conflict do nothing
                ), marked as (
                    update levy_item set order_matters = true
                    from kept
                    where levy_item.person_id = any(cast(:personIds as varchar[]))
                      and levy_item.person_id = kept.person_id and levy_item.coverage_year = kept.coverage_year
                      and not levy_item.order_matters
                )
                select person_id, coverage_year from kept
                union
                select person_id, coverage_year from item where order_matters""".formatted(PersonYears.MATCH))
                .param("personIds", run.stream().map(one -> one.event().personId()).toArray(String[]::new))
                .param("coverageYears", run.stream().map(one -> one.event().coverageYear()).toArray(Integer[]::new))
                .param("at", run.stream().map(one -> one.time().toString()).toArray(String[]::new))
                .param("payable", run.stream().map(one -> one.event().payableAmount().toPlainString()).toArray(String[]::new))
                .param("subsidy", run.stream().map(one -> one.event().subsidyAmount().toPlainString()).toArray(String[]::new))
                .param("standard", run.stream().map(one -> one.event().standardAmount().toPlainString()).toArray(String[]::new))
                .query((row, n) -> new PersonYear(row.getString(1), row.getInt(2))).list();
    }

    /**
     * Judges again by event time ({@link SettlementRule}) the settlement of these items, whose order of facts can move it
     * (two payables or more, the fund's money, or a registration after a withdrawal: {@code order_matters}); the statements
     * that judge each fact as it arrives stand for the others, most of a season's (one assessment, then the money), whatever
     * order their facts came in. One read of their facts, and one write of the settlements that moved, which the tax bureau
     * pages to again.
     *
     * @return the items whose settled payable moved
     */
    List<PersonYear> settleByEventTime(List<PersonYear> judged) {
        if (judged.isEmpty()) {
            return List.of();
        }
        Map<PersonYear, List<SettlementRule.Fact>> facts = new HashMap<>();
        keys(jdbc.sql("""
                select 'PAYABLE' as fact, person_id, coverage_year, assessed_at as at, arrived, '' as ref, payable_amount,
                       subsidy_amount, standard_amount, cast(null as numeric) as own, cast(null as numeric) as fund
                from levy_assessment where %1$s
                union all
                -- an item assessed once keeps its assessment alone
                select 'PAYABLE', person_id, coverage_year, assessed_at, 0, '', payable_amount, coalesce(subsidy_amount, 0.00),
                       standard_amount, null, null
                from levy_item
                where %1$s and payable_amount is not null and assessed_at > '-infinity'
                  and (person_id, coverage_year) not in (select person_id, coverage_year from levy_assessment where %1$s)
                union all
                select 'MONEY', person_id, coverage_year, at, 0, ref, null, null, null, own, fund from (%2$s) money
                union all
                select 'REGISTERED_AGAIN', person_id, coverage_year, settled_anew_at, 0, '', null, null, null, null, null
                from levy_item where %1$s and settled_anew_at is not null"""
                .formatted(PersonYears.MATCH, MONEY)), judged)
                .query((RowCallbackHandler) row -> facts.computeIfAbsent(new PersonYear(row.getString(2), row.getInt(3)),
                        key -> new ArrayList<>()).add(fact(row)));
        return keys(jdbc.sql("""
                update levy_item set settled_payable = judged.settled, change_cursor = null
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:settled as numeric[]))
                     as judged(person_id, coverage_year, settled)
                where levy_item.person_id = any(cast(:personIds as varchar[]))
                  and levy_item.person_id = judged.person_id and levy_item.coverage_year = judged.coverage_year
                  and levy_item.settled_payable is distinct from judged.settled
                returning levy_item.person_id, levy_item.coverage_year"""), judged)
                .param("settled", judged.stream().map(key -> SettlementRule.settledPayable(facts.getOrDefault(key, List.of())))
                        .map(settled -> settled == null ? null : settled.toPlainString()).toArray(String[]::new))
                .query((row, n) -> new PersonYear(row.getString(1), row.getInt(2))).list();
    }

    private static SettlementRule.Fact fact(ResultSet row) throws SQLException {
        Instant at = row.getTimestamp("at").toInstant();
        return switch (row.getString("fact")) {
            case "PAYABLE" -> SettlementRule.Fact.assessed(at, row.getLong("arrived"), row.getBigDecimal("payable_amount"),
                    row.getBigDecimal("subsidy_amount"), row.getBigDecimal("standard_amount"));
            case "MONEY" -> SettlementRule.Fact.money(at, row.getString("ref"), row.getBigDecimal("own"), row.getBigDecimal("fund"));
            case "REGISTERED_AGAIN" -> SettlementRule.Fact.registeredAgain(at);
            default -> throw new IllegalStateException("a settlement's fact of no known kind: " + row.getString("fact"));
        };
    }

    /**
     * Runs an upsert of facts about items, its parameters bound by {@code bind}, and answers with the rows it changed that
     * a judgement may now change. A row it leaves alone (an older fact) was judged when it last changed.
     */
    private List<PersonYear> reviewableAfter(String upsert, UnaryOperator<JdbcClient.StatementSpec> bind) {
        return reviewableAfter(upsert, "false", new ArrayList<>(), bind);
    }

    /** As {@link #reviewableAfter(String, UnaryOperator)}, also gathering in {@code marked} the changed rows {@code mark} holds for. */
    private List<PersonYear> reviewableAfter(String upsert, String mark, List<PersonYear> marked,
            UnaryOperator<JdbcClient.StatementSpec> bind) {
        List<PersonYear> reviewable = new ArrayList<>();
        bind.apply(jdbc.sql("""
                with changed as (%s
                    returning person_id, coverage_year, (%s) as reviewable, coalesce(%s, false) as marked)
                select person_id, coverage_year, reviewable, marked from changed where reviewable or marked"""
                .formatted(upsert, REVIEWABLE, mark)))
                .query((RowCallbackHandler) row -> {
                    PersonYear item = new PersonYear(row.getString(1), row.getInt(2));
                    if (row.getBoolean(3)) {
                        reviewable.add(item);
                    }
                    if (row.getBoolean(4)) {
                        marked.add(item);
                    }
                });
        return reviewable;
    }

    /**
     * Remembers the payable the person first paid in full: an assistance ending later must not
     * send the tax bureau after a settled resident again (DOMAIN.md, no new debt from assistance once settled).
     */
    void settleIfPaid(Collection<PersonYear> keys) {
        keys(jdbc.sql("""
                update levy_item set settled_payable = %1$s
                where %2$s and settled_payable is distinct from %1$s""".formatted(SETTLED_PAYABLE, PersonYears.MATCH)), keys)
                .update();
    }

    /**
     * The item's settled payable once paid: what the person owed of their own money when what they paid first covered it,
     * kept from then on (moved by a change of the standard: {@link #assess}); null until then or while not assessed. The one rule for {@link #settleIfPaid}, {@link #REVIEWABLE}
     * (about to settle) and the payments' upsert, which hands it the totals after its payments.
     *
     * @param item the item's columns' qualifier, as for {@link #ownPayable(String, String)}
     */
    private static String settledPayable(String item, String paidTotal, String fundPaid) {
        String owed = ownPayable(item, fundPaid);
        return """
                case when %1$ssettled_payable is null and %1$spayable_amount is not null and %2$s >= %3$s then %3$s
                     else %1$ssettled_payable end""".formatted(item, paidTotal, owed);
    }

    /** Listed items (enrolled) of a region and year changed after the cursor, in cursor order. */
    List<LevyItem> changesAfter(String region, int coverageYear, long after, int limit) {
        return jdbc.sql("""
                select change_cursor as cursor, id_number_sealed, id_number_masked, name_masked, coverage_year,
                       least(%s, settled_payable) as payable_amount, assistance_category, paid_total, withdrawn,
                       case when coverage_start is null then coverage_from end as coverage_from, waiting_days, waiting_months
                from levy_item
                where region = :region and coverage_year = :coverageYear and id_number_sealed is not null and change_cursor > :after
                order by change_cursor
                limit :limit""".formatted(OWN_PAYABLE))
                .param("region", region).param("coverageYear", coverageYear).param("after", after).param("limit", limit)
                .query(LevyItemStore::levyItem).list();
    }

    /** What RefundDue needs to know of a person-year, or nothing before any fact about it arrived. */
    Optional<Balance> balance(String personId, int coverageYear) {
        return balances(List.of(new PersonYear(personId, coverageYear))).stream().findFirst();
    }

    /** The balances of those of the person-years any fact arrived about. */
    List<Balance> balances(Collection<PersonYear> keys) {
        return keys(jdbc.sql("""
                select person_id, coverage_year, region, %s as payable, settled_payable,
                       paid_total as paid_net, applied_refund, applied_refund_reason, too_late_refund, withdrawn,
                       refund_due as announced, refund_due_reason as announced_reason, withdrawn_on, withdrawal_reason,
                       -- a withdrawal that overtook its enrolment was of a registration
                       registered_at is not null or withdrawn as registered,
                       case when coverage_start is null and coverage_from is not null then null
                            -- money from someone never registered for the year (a renewal refused) covered nobody
                            when registered_at is null and not withdrawn then null
                            else coalesce(coverage_start, make_date(coverage_year, 1, 1)) end as coverage_start
                from levy_item where %s""".formatted(OWN_PAYABLE, PersonYears.MATCH)), keys)
                .query(LevyItemStore::balance).list();
    }

    void announceRefundDue(String personId, int coverageYear, BigDecimal amount, RefundDueReason reason) {
        jdbc.sql("""
                update levy_item set refund_due = :amount, refund_due_reason = :reason
                where person_id = :personId and coverage_year = :coverageYear""")
                .param("amount", amount).param("reason", reason.name())
                .param("personId", personId).param("coverageYear", coverageYear)
                .update();
    }

    /**
     * The settled person-years among these whose coverage start waits for the payment and has not
     * been announced. Marked announced in the same statement, so that each is announced once.
     */
    List<AwaitedCoverage> takeAwaitedCoverages(Collection<PersonYear> keys) {
        return keys(jdbc.sql("""
                update levy_item set coverage_announced = true
                where %s
                  and coverage_from is not null and not coverage_announced and not withdrawn and settled_payable is not null
                  and paid_total >= least(%s, settled_payable)
                returning person_id, coverage_year, region, coverage_from, waiting_days, waiting_months, last_paid_on,
                          %s as enrolled_on, paid_total""".formatted(PersonYears.MATCH, OWN_PAYABLE, REGISTERED_ON)), keys)
                .query(AwaitedCoverage.class).list();
    }

    /**
     * Those of these person-years whose coverage start was announced, not withdrawn, who no longer have paid what they owe,
     * the person-year's last refund (of their money or the assistance fund's) made before that start: money taken back on or
     * after it leaves the start as it was, the person covered from it, as does a settlement judged again by event time
     * without a refund (docs/domain.md, "Coverage at payment"). Their start is taken back in the same statement, so that
     * each is revoked once and their coverage waits for their payment again.
     */
    List<RevokedCoverage> takeRevokedCoverages(Collection<PersonYear> keys) {
        return revoke(UNPAID + " and " + LAST_REFUNDED_ON + " < coverage_start", keys);
    }

    /**
     * Those of these person-years whose coverage start was announced, not withdrawn, who have paid what they owe, with
     * money taken back on a day before that start: a payment made after the refund and received before it may have settled
     * them again, by the order their money moved in ({@link #turns}; {@link CoverageService#takeBackUnpaid}).
     */
    List<AnnouncedCoverage> paidWithARefundBeforeTheStart(Collection<PersonYear> keys) {
        return keys(jdbc.sql("""
                select person_id, coverage_year, region, coverage_from, waiting_days, waiting_months, last_paid_on,
                       %2$s as enrolled_on, paid_total, coverage_start
                from levy_item
                where %1$s
                  and coverage_from is not null and coverage_announced and coverage_start is not null and not withdrawn
                  and not %3$s
                  and exists (select 1 from refund where refund.person_id = levy_item.person_id
                                                     and refund.coverage_year = levy_item.coverage_year
                                                     and cast(refund.refunded_at at time zone 'Asia/Shanghai' as date) < coverage_start)"""
                .formatted(PersonYears.MATCH, REGISTERED_ON, UNPAID)), keys)
                .query((row, n) -> new AnnouncedCoverage(AWAITED.mapRow(row, n), row.getObject("coverage_start", LocalDate.class)))
                .list();
    }

    /** Takes back the announced starts of these person-years. */
    List<RevokedCoverage> takeBackStarts(Collection<PersonYear> keys) {
        return revoke("true", keys);
    }

    /** In one statement, so that each start is revoked once. */
    private List<RevokedCoverage> revoke(String condition, Collection<PersonYear> keys) {
        return keys(jdbc.sql("""
                update levy_item set coverage_announced = false, coverage_start = null, change_cursor = null
                from (select person_id, coverage_year, coverage_start as revoked from levy_item
                      where %1$s
                        and coverage_from is not null and coverage_announced and coverage_start is not null and not withdrawn
                        and %2$s) announced
                where levy_item.person_id = announced.person_id and levy_item.coverage_year = announced.coverage_year
                returning levy_item.person_id, levy_item.coverage_year, levy_item.region, announced.revoked as coverage_start"""
                .formatted(PersonYears.MATCH, condition)), keys)
                .query(RevokedCoverage.class).list();
    }

    /**
     * Those of these person-years whose start waits for a payment, who paid part of what they owe and are not settled
     * now (never, or no longer since a refund): paid too late, that part can never start coverage within the year either.
     * Their {@code lastPaidOn} is the latest payment's day, or a later refund's: what completes the payable comes after
     * both, so money paid in time that a refund after the last day left short can no longer start coverage.
     */
    List<AwaitedCoverage> partlyPaidAwaitingCoverage(Collection<PersonYear> keys) {
        return keys(jdbc.sql(PARTLY_PAID_AWAITING_COVERAGE + PersonYears.MATCH), keys).query(AwaitedCoverage.class).list();
    }

    /**
     * Every person-year {@link #partlyPaidAwaitingCoverage} would give whose money is not all owed back as paid too late yet:
     * those whom the last day to pay, once passed, may leave owed back ({@code LastDayToPayService}). Read once a day: a
     * whole-table scan.
     */
    List<AwaitedCoverage> partlyPaidAwaitingCoverageNotOwedBack() {
        return jdbc.sql(PARTLY_PAID_AWAITING_COVERAGE + "too_late_refund < paid_total").query(AwaitedCoverage.class).list();
    }

    /**
     * When each of these person-years last became settled, and when money taken back last left it unpaid ({@link Turns}), in
     * the order the money moved: a payment (or the fund's) after which what was paid covered what the person owes
     * ({@link #OWN_PAYABLE} with the fund's money paid by then, capped by the settled payable), and a refund after which it
     * no longer did. Payments and refunds are taken in the order they were made, not received: a duplicate paid later, or in
     * the same request, or a payment the reconciliation found late, moves nothing.
     */
    Map<PersonYear, Turns> turns(Collection<PersonYear> keys) {
        Map<PersonYear, Turns> turns = new HashMap<>();
        keys(jdbc.sql("""
                with movement as (%4$s
                ), running as (
                    select person_id, coverage_year, at, ref,
                           sum(own) over (partition by person_id, coverage_year order by at, ref) as own_so_far,
                           sum(fund) over (partition by person_id, coverage_year order by at, ref) as fund_so_far
                    from movement
                ), judged as (
                    select running.person_id, running.coverage_year, running.at, running.ref,
                           coalesce(own_so_far >= least(%2$s, settled_payable), false) as settled,
                           coalesce(0.00 >= least(%3$s, settled_payable), false) as settled_before_any
                    from running join levy_item using (person_id, coverage_year)
                ), turned as (
                    select person_id, coverage_year, at, settled,
                           coalesce(lag(settled) over (partition by person_id, coverage_year order by at, ref), settled_before_any) as was
                    from judged
                )
                select person_id, coverage_year, max(at) filter (where settled and not was) as settled_at,
                       max(at) filter (where was and not settled) as unsettled_at
                from turned group by person_id, coverage_year"""
                .formatted(PersonYears.MATCH, ownPayable("fund_so_far"), ownPayable("0.00"), MONEY)), keys)
                .query((RowCallbackHandler) row -> turns.put(new PersonYear(row.getString("person_id"), row.getInt("coverage_year")),
                        new Turns(instant(row.getTimestamp("settled_at")), instant(row.getTimestamp("unsettled_at")))));
        return turns;
    }

    /**
     * @param settled when the person-year last became settled by money paid; null where nothing had to be paid (settled at
     *     registration) or it never was
     * @param unsettled when money taken back last left it unpaid; null where none ever did
     */
    record Turns(Instant settled, Instant unsettled) {

        static final Turns NONE = new Turns(null, null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * @param lastPaidOn the business day of the latest payment; null when the person settled without paying (full assistance)
     * @param enrolledOn the business day of the registration: the day it gave, else the day its event was sent
     * @param paidTotal the person's own payments net of refunds
     */
    record AwaitedCoverage(String personId, int coverageYear, String region, CoverageFrom coverageFrom, int waitingDays, int waitingMonths,
            LocalDate lastPaidOn, LocalDate enrolledOn, BigDecimal paidTotal) {

        EnrolmentPolicy.Coverage coverage() {
            return new EnrolmentPolicy.Coverage(coverageFrom, null, waitingDays, waitingMonths);
        }
    }

    record RevokedCoverage(String personId, int coverageYear, String region, LocalDate coverageStart) {
    }

    /** A start announced ({@code start}) and what it was derived from. */
    record AnnouncedCoverage(AwaitedCoverage coverage, LocalDate start) {

        PersonYear key() {
            return new PersonYear(coverage.personId(), coverage.coverageYear());
        }
    }

    /** The person-years of a region currently owed money back. */
    List<Owing> owing(String region, int coverageYear) {
        return jdbc.sql("""
                select item.person_id, coalesce(item.id_number_sealed, known.id_number_sealed) as id_number_sealed,
                       coalesce(item.id_number_masked, known.id_number_masked) as id_number_masked,
                       coalesce(item.name_masked, known.name_masked) as name_masked, item.coverage_year,
                       item.refund_due as amount, item.refund_due_reason as reason
                from levy_item item
                -- a payer never registered for the year (a renewal refused) is named by their latest other enrolment
                left join lateral (select other.id_number_sealed, other.id_number_masked, other.name_masked from levy_item other
                                   where item.id_number_sealed is null and other.person_id = item.person_id
                                     and other.id_number_sealed is not null
                                   order by other.coverage_year desc limit 1) known on true
                where item.region = :region and item.coverage_year = :coverageYear and item.refund_due > 0
                order by item.person_id""")
                .param("region", region).param("coverageYear", coverageYear)
                .query(Owing.class).list();
    }

    /**
     * One listed item as stored: the number only sealed and masked.
     *
     * @param payBy the last day a payment still starts coverage within the year, where the start waits for it
     */
    record LevyItem(long cursor, String idNumberSealed, String idNumberMasked, String nameMasked, int coverageYear,
            BigDecimal payableAmount, String assistanceCategory, BigDecimal paidTotal, boolean withdrawn, LocalDate payBy) {

        LevyStatus status() {
            return LevyStatus.of(payableAmount, paidTotal, withdrawn);
        }
    }

    /**
     * Mapped by hand, not by a {@code DataClassRowMapper}: that one looks each column up by a name the
     * result does not have first, and the driver's exception for it cost more than the query (every
     * payment and assessment reads a balance).
     */
    private static Balance balance(ResultSet row, int n) throws SQLException {
        String appliedRefundReason = row.getString("applied_refund_reason");
        return new Balance(row.getString("person_id"), row.getInt("coverage_year"), row.getString("region"),
                row.getBigDecimal("payable"), row.getBigDecimal("settled_payable"), row.getBigDecimal("paid_net"),
                row.getBigDecimal("applied_refund"), appliedRefundReason == null ? null : RefundDueReason.valueOf(appliedRefundReason),
                row.getBigDecimal("too_late_refund"), row.getBoolean("withdrawn"), row.getObject("withdrawn_on", LocalDate.class),
                row.getString("withdrawal_reason") == null ? null : WithdrawalReason.valueOf(row.getString("withdrawal_reason")),
                row.getBigDecimal("announced"), row.getString("announced_reason"), row.getObject("coverage_start", LocalDate.class),
                row.getBoolean("registered"));
    }

    /** By hand, as {@link #balance}: the tax bureau pages through the list a thousand items at a time. */
    private static LevyItem levyItem(ResultSet row, int n) throws SQLException {
        String coverageFrom = row.getString("coverage_from");
        int coverageYear = row.getInt("coverage_year");
        LocalDate payBy = coverageFrom == null ? null : new EnrolmentPolicy.Coverage(CoverageFrom.valueOf(coverageFrom), null,
                row.getInt("waiting_days"), row.getInt("waiting_months")).lastPaymentDayWithin(coverageYear);
        return new LevyItem(row.getLong("cursor"), row.getString("id_number_sealed"), row.getString("id_number_masked"),
                row.getString("name_masked"), coverageYear, row.getBigDecimal("payable_amount"),
                row.getString("assistance_category"), row.getBigDecimal("paid_total"), row.getBoolean("withdrawn"), payBy);
    }

    /**
     * @param payable what the person owes of their own money ({@link #OWN_PAYABLE}), null while not assessed
     * @param paidNet the person's own payments net of refunds (never the fund's)
     * @param appliedRefund what an approved refund application grants, until the tax bureau refunds it
     * @param tooLateRefund what was paid too late to start coverage within the year, as judged last ({@link #oweBackTooLate})
     * @param withdrawnOn the day the enrolment ended, where the withdrawal said (null before V11 and while enrolled)
     * @param announced the refund due last published (0.00 when none)
     * @param coverageStart the first day of coverage: Jan 1 of the year, a later start, or a freshman's September 1
     *        before it; null while it waits for the payment (or a payment too late started none), and for money from
     *        someone never registered for the year
     * @param registered whether the person was registered for the year: an enrolment arrived, or a withdrawal of one (a
     *        payment may come first, or alone)
     */
    record Balance(String personId, int coverageYear, String region, BigDecimal payable, BigDecimal settledPayable, BigDecimal paidNet, BigDecimal appliedRefund,
            RefundDueReason appliedRefundReason, BigDecimal tooLateRefund, boolean withdrawn, LocalDate withdrawnOn, WithdrawalReason withdrawalReason,
            BigDecimal announced, String announcedReason, LocalDate coverageStart, boolean registered) {

        BigDecimal heldTo() {
            return RefundDueRule.heldTo(payable, settledPayable);
        }
    }

    /**
     * An approved refund application: what it grants stays owed until the tax bureau refunds it. Each application
     * grants out of everything paid so far, so a second one grants the larger of the two, never their sum, and a
     * smaller one never lowers what an earlier one granted. One that ended the enrolment before coverage keeps its reason
     * against a duplicate's approved after it: that reason grants all the person paid while the roster holds the enrolment
     * ended ({@link RefundDueRule#owed}), which the duplicate's, of equal or more, would have cut to its own amount.
     */
    void applyRefund(String personId, int coverageYear, BigDecimal amount, RefundDueReason reason) {
        jdbc.sql("""
                update levy_item set applied_refund = greatest(applied_refund, :amount),
                       applied_refund_reason = case when applied_refund_reason = 'WITHDRAWN_BEFORE_COVERAGE' then applied_refund_reason
                                                    when :amount >= applied_refund then :reason else applied_refund_reason end
                where person_id = :personId and coverage_year = :coverageYear""")
                .param("amount", amount).param("reason", reason.name())
                .param("personId", personId).param("coverageYear", coverageYear)
                .update();
    }

    /**
     * Money paid too late to start coverage within the year, or part paid in time that can no longer be completed in time:
     * owed back, all of it as paid so far ({@code CoverageService}), until a start within the year is announced after all
     * ({@link #recordStart}) or the tax bureau refunds it.
     */
    void oweBackTooLate(String personId, int coverageYear, BigDecimal amount) {
        jdbc.sql("""
                update levy_item set too_late_refund = greatest(too_late_refund, :amount)
                where person_id = :personId and coverage_year = :coverageYear""")
                .param("amount", amount).param("personId", personId).param("coverageYear", coverageYear)
                .update();
    }

    void awaitCoverageAgain(String personId, int coverageYear) {
        jdbc.sql("update levy_item set coverage_announced = false where person_id = :personId and coverage_year = :coverageYear")
                .param("personId", personId).param("coverageYear", coverageYear)
                .update();
    }

    /**
     * The start announced. What was owed back as paid too late is owed no more: a payment made in time that arrived after
     * that judgement (the next day's reconciliation file, the fund's vouchers) settled the person within the year.
     */
    void recordStart(String personId, int coverageYear, LocalDate start) {
        jdbc.sql("""
                update levy_item set coverage_start = :start, too_late_refund = 0
                where person_id = :personId and coverage_year = :coverageYear""")
                .param("start", start).param("personId", personId).param("coverageYear", coverageYear)
                .update();
    }

    /** @param idNumberSealed null while the enrolment has not arrived */
    record Owing(String personId, String idNumberSealed, String idNumberMasked, String nameMasked, int coverageYear,
            BigDecimal amount, RefundDueReason reason) {
    }

    /**
     * What the person owes of their own money: the payable, less whatever the assistance fund paid
     * beyond the subsidy it stands for (a subsidy that ended after the fund paid leaves only the
     * person's own part to pay), {@code fundPaid} being the column or value of the fund's money.
     * Null while not assessed: PostgreSQL's {@code greatest} skips a null, which would read as nothing to pay.
     */
    private static String ownPayable(String fundPaid) {
        return ownPayable("", fundPaid);
    }

    /** @param item the item's columns' qualifier ({@code levy_item.}), where a statement has another row with those names */
    private static String ownPayable(String item, String fundPaid) {
        return """
                case when %1$spayable_amount is null then null
                     else greatest(0.00, %1$spayable_amount - greatest(0.00, %2$s - coalesce(%1$ssubsidy_amount, 0.00))) end"""
                .formatted(item, fundPaid);
    }

    private static JdbcClient.StatementSpec keys(JdbcClient.StatementSpec statement, Collection<PersonYear> keys) {
        return PersonYears.bind(statement, keys, PersonYear::personId, PersonYear::coverageYear);
    }
}
