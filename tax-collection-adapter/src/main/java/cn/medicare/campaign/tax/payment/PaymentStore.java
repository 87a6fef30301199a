package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import java.time.Instant;
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

    /** Stores new payments in one statement; {@code idNumbersMasked} are their payers' masked numbers, in the same order. */
    void store(List<PaymentConfirmed> payments, List<String> idNumbersMasked) {
        jdbc.sql("""
                insert into payment (voucher_no, person_id, coverage_year, region, id_number_masked, amount, channel, paid_at, source)
                select * from unnest(cast(:voucherNos as varchar[]), cast(:personIds as varchar[]), cast(:coverageYears as int[]),
                                     cast(:regions as varchar[]), cast(:idNumbersMasked as varchar[]), cast(:amounts as numeric[]),
                                     cast(:channels as varchar[]), cast(:paidAt as timestamptz[]), cast(:sources as varchar[]))""")
                .param("voucherNos", payments.stream().map(PaymentConfirmed::voucherNo).toArray(String[]::new))
                .param("personIds", payments.stream().map(PaymentConfirmed::personId).toArray(String[]::new))
                .param("coverageYears", payments.stream().map(PaymentConfirmed::coverageYear).toArray(Integer[]::new))
                .param("regions", payments.stream().map(PaymentConfirmed::region).toArray(String[]::new))
                .param("idNumbersMasked", idNumbersMasked.toArray(String[]::new))
                .param("amounts", payments.stream().map(payment -> payment.amount().toPlainString()).toArray(String[]::new))
                .param("channels", payments.stream().map(payment -> payment.channel().name()).toArray(String[]::new))
                .param("paidAt", payments.stream().map(payment -> payment.paidAt().toString()).toArray(String[]::new))
                .param("sources", payments.stream().map(payment -> payment.source().name()).toArray(String[]::new))
                .update();
    }

    /** A received payment as the daily reconciliation compares it. */
    record Received(String voucherNo, String personId, int coverageYear, String idNumberMasked, BigDecimal amount,
            String channel, LocalDate paidOn, LocalDate recoveredOn) {

        /** A line of a post as if received, to hold a later line of the same voucher to. */
        static Received of(Confirmation row, String personId) {
            return new Received(row.voucherNo(), personId, row.coverageYear(), null, row.amount(), row.channel().name(),
                    row.paidAt().atZone(BusinessTime.ZONE).toLocalDate(), null);
        }

        /**
         * What {@code row} (of payer {@code personId}) says otherwise of this voucher: {@code amount}, {@code person} (payer or
         * year), {@code channel}, {@code paidAt} (its business day), a difference to settle with the tax bureau; the channel
         * matters most for the assistance fund's money (代缴), which is never the person's, and the day for whether a payment
         * came in time (a late enrolee's coverage, a {@code payBy}).
         */
        List<String> differencesFrom(Confirmation row, String rowPersonId) {
            List<String> differences = new ArrayList<>();
            if (amount.compareTo(row.amount()) != 0) {
                differences.add("amount");
            }
            if (!personId.equals(rowPersonId) || coverageYear != row.coverageYear()) {
                differences.add("person");
            }
            if (!channel.equals(row.channel().name())) {
                differences.add("channel");
            }
            if (!paidOn.equals(row.paidAt().atZone(BusinessTime.ZONE).toLocalDate())) {
                differences.add("paidAt");
            }
            return differences;
        }
    }

    /** Those of the vouchers received, by voucher: stored, or kept until their payer is registered. */
    Map<String, Received> find(Collection<String> voucherNos) {
        return jdbc.sql("""
                select voucher_no, person_id, coverage_year, id_number_masked, amount, channel,
                       (paid_at at time zone 'Asia/Shanghai')::date as paid_on, recovered_on
                from payment where voucher_no = any(cast(:voucherNos as varchar[]))
                union all
                select voucher_no, person_id, coverage_year, id_number_masked, amount, channel,
                       (paid_at at time zone 'Asia/Shanghai')::date, recovered_on
                from payment_awaiting_registration kept where voucher_no = any(cast(:voucherNos as varchar[]))
                    and not exists (select 1 from payment where payment.voucher_no = kept.voucher_no)""")
                .param("voucherNos", voucherNos.toArray(String[]::new))
                .query(Received.class).list().stream().collect(Collectors.toMap(Received::voucherNo, received -> received));
    }

    /** The day's reconciliation file brought these vouchers: stored, or kept until their payer is registered. */
    void markRecovered(Collection<String> voucherNos, LocalDate day) {
        for (String table : List.of("payment", "payment_awaiting_registration")) {
            jdbc.sql("update " + table + " set recovered_on = :day where voucher_no = any(cast(:voucherNos as varchar[]))")
                    .param("day", day).param("voucherNos", voucherNos.toArray(String[]::new))
                    .update();
        }
    }

    /** The vouchers paid during the business day (Asia/Shanghai), those kept until their payer is registered included. */
    List<String> paidOn(LocalDate day) {
        return jdbc.sql("""
                select voucher_no from payment where paid_at >= :from and paid_at < :until
                union all
                select voucher_no from payment_awaiting_registration kept where paid_at >= :from and paid_at < :until
                    and not exists (select 1 from payment where payment.voucher_no = kept.voucher_no)
                order by voucher_no""")
                .param("from", Timestamp.from(day.atStartOfDay(BusinessTime.ZONE).toInstant()))
                .param("until", Timestamp.from(day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant()))
                .query(String.class).list();
    }

    /**
     * A payment kept until its payer is registered: several counties run a campaign that year and the payer is on no levy
     * item of it or the last, so its county cannot be told (待登记缴费).
     */
    record AwaitingRegistration(String voucherNo, String personId, int coverageYear, String idNumberMasked, BigDecimal amount,
            PaymentChannel channel, Instant paidAt, PaymentSource source, Instant receivedAt, LocalDate recoveredOn, Instant closedAt,
            String closedBy, String closing) {

        /** Just received: neither recovered by a reconciliation file (marked after) nor closed. */
        AwaitingRegistration(String voucherNo, String personId, int coverageYear, String idNumberMasked, BigDecimal amount,
                PaymentChannel channel, Instant paidAt, PaymentSource source, Instant receivedAt) {
            this(voucherNo, personId, coverageYear, idNumberMasked, amount, channel, paidAt, source, receivedAt, null, null, null, null);
        }

        PaymentConfirmed in(String region) {
            return new PaymentConfirmed(personId, coverageYear, region, voucherNo, amount, channel, paidAt, source);
        }
    }

    private static final String AWAITING_REGISTRATION_COLUMNS = "voucher_no, person_id, coverage_year, id_number_masked, amount, "
            + "channel, paid_at, source, received_at, recovered_on, closed_at, closed_by, closing";
    private static final String AWAITING_REGISTRATION = "select " + AWAITING_REGISTRATION_COLUMNS + " from payment_awaiting_registration";

    void keepAwaitingRegistration(List<AwaitingRegistration> payments) {
        jdbc.sql("""
                insert into payment_awaiting_registration
                    (voucher_no, person_id, coverage_year, id_number_masked, amount, channel, paid_at, source, received_at)
                select * from unnest(cast(:voucherNos as varchar[]), cast(:personIds as varchar[]), cast(:coverageYears as int[]),
                                     cast(:idNumbersMasked as varchar[]), cast(:amounts as numeric[]), cast(:channels as varchar[]),
                                     cast(:paidAt as timestamptz[]), cast(:sources as varchar[]), cast(:receivedAt as timestamptz[]))""")
                .param("voucherNos", payments.stream().map(AwaitingRegistration::voucherNo).toArray(String[]::new))
                .param("personIds", payments.stream().map(AwaitingRegistration::personId).toArray(String[]::new))
                .param("coverageYears", payments.stream().map(AwaitingRegistration::coverageYear).toArray(Integer[]::new))
                .param("idNumbersMasked", payments.stream().map(AwaitingRegistration::idNumberMasked).toArray(String[]::new))
                .param("amounts", payments.stream().map(payment -> payment.amount().toPlainString()).toArray(String[]::new))
                .param("channels", payments.stream().map(payment -> payment.channel().name()).toArray(String[]::new))
                .param("paidAt", payments.stream().map(payment -> payment.paidAt().toString()).toArray(String[]::new))
                .param("sources", payments.stream().map(payment -> payment.source().name()).toArray(String[]::new))
                .param("receivedAt", payments.stream().map(payment -> payment.receivedAt().toString()).toArray(String[]::new))
                .update();
    }

    /** Every payment kept until its payer is registered and not closed, or every one the bureau closed; oldest payment first. */
    List<AwaitingRegistration> awaitingRegistration(boolean closed) {
        return jdbc.sql(AWAITING_REGISTRATION + (closed ? " where closed_at is not null" : " where closed_at is null")
                + " order by paid_at, voucher_no").query(AwaitingRegistration.class).list();
    }

    /**
     * The payer's open payments kept until registered, locked: the caller holds the payer's lock and stores them or leaves
     * them; a closing at the same moment waits, then finds them stored.
     */
    List<AwaitingRegistration> awaitingRegistrationOf(String personId) {
        return jdbc.sql(AWAITING_REGISTRATION + " where person_id = :personId and closed_at is null order by paid_at, voucher_no for update")
                .param("personId", personId).query(AwaitingRegistration.class).list();
    }

    /** The kept payment of this voucher, open or closed. */
    Optional<AwaitingRegistration> awaitingRegistration(String voucherNo) {
        return jdbc.sql(AWAITING_REGISTRATION + " where voucher_no = :voucherNo").param("voucherNo", voucherNo)
                .query(AwaitingRegistration.class).optional();
    }

    /** @return the kept payment closed; empty when none of this voucher is open */
    Optional<AwaitingRegistration> closeAwaitingRegistration(String voucherNo, String closedBy, String closing, Instant closedAt) {
        return jdbc.sql("""
                update payment_awaiting_registration set closed_at = :closedAt, closed_by = :closedBy, closing = :closing
                where voucher_no = :voucherNo and closed_at is null
                returning\s""" + AWAITING_REGISTRATION_COLUMNS)
                .param("voucherNo", voucherNo).param("closedBy", closedBy).param("closing", closing).param("closedAt", Timestamp.from(closedAt))
                .query(AwaitingRegistration.class).optional();
    }

    /**
     * Drops the kept payments whose voucher was stored as a payment meanwhile: two posts of one voucher naming two payers,
     * one kept, one stored, each under its own payer's lock.
     *
     * @return their vouchers
     */
    List<String> dropAwaitingRegistrationStored() {
        return jdbc.sql("""
                delete from payment_awaiting_registration kept using payment
                where payment.voucher_no = kept.voucher_no and kept.closed_at is null
                returning kept.voucher_no""").query(String.class).list();
    }

    void registeredNoMore(Collection<String> voucherNos) {
        jdbc.sql("delete from payment_awaiting_registration where voucher_no = any(cast(:voucherNos as varchar[]))")
                .param("voucherNos", voucherNos.toArray(String[]::new)).update();
    }

    /** How many payments wait for their payer's registration, and since when the oldest (null: none). */
    record AwaitingRegistrationCount(int waiting, Instant oldest) {
    }

    AwaitingRegistrationCount awaitingRegistrationCount() {
        return jdbc.sql("select count(*), min(received_at) from payment_awaiting_registration where closed_at is null")
                .query((row, n) -> new AwaitingRegistrationCount(row.getInt(1),
                        row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant()))
                .single();
    }

    /** A received payment, as far as a refund needs it. */
    record Paid(String personId, int coverageYear, String region, BigDecimal amount, PaymentChannel channel) {
    }

    Optional<Paid> paid(String voucherNo) {
        return jdbc.sql("select person_id, coverage_year, region, amount, channel from payment where voucher_no = :voucherNo")
                .param("voucherNo", voucherNo)
                .query(Paid.class).optional();
    }

    /** A refund applied: its voucher, amount and time, which a repetition of its number is held to. */
    record Refunded(String voucherNo, BigDecimal amount, Instant refundedAt) {
    }

    Optional<Refunded> refunded(String refundNo) {
        return jdbc.sql("select voucher_no, amount, refunded_at from refund where refund_no = :refundNo").param("refundNo", refundNo)
                .query((row, n) -> new Refunded(row.getString(1), row.getBigDecimal(2), row.getTimestamp(3).toInstant())).optional();
    }

    BigDecimal refundedOn(String voucherNo) {
        return jdbc.sql("select coalesce(sum(amount), 0) from refund where voucher_no = :voucherNo").param("voucherNo", voucherNo)
                .query(BigDecimal.class).single();
    }

    /**
     * @return false when the refund number was taken meanwhile: another post with it, about another payer (so not
     *     waiting for this one's lock), committed after this one read it as new; it waits for that post and then is a
     *     duplicate, as it would have been one after the other
     */
    boolean storeRefund(PaymentRefunded refund) {
        return jdbc.sql("""
                insert into refund (refund_no, voucher_no, person_id, coverage_year, region, amount, refunded_at, reason)
                values (:refundNo, :voucherNo, :personId, :coverageYear, :region, :amount, :refundedAt, :reason)
                on conflict (refund_no) do nothing""")
                .param("refundNo", refund.refundNo()).param("voucherNo", refund.voucherNo()).param("personId", refund.personId())
                .param("coverageYear", refund.coverageYear()).param("region", refund.region()).param("amount", refund.amount())
                .param("refundedAt", Timestamp.from(refund.refundedAt())).param("reason", refund.reason())
                .update() == 1;
    }

    /**
     * A refund kept for a voucher not received yet, as the tax bureau sent it (its reason redacted); {@code refused} is why
     * it was not applied once the voucher came, absent while it waits; {@code closedAt}, {@code closedBy} and
     * {@code closing} say who closed it, when and why, absent while open; {@code voucherAwaitingRegistration} true when its
     * voucher was received and is kept until its payer is registered (absent otherwise): it is applied with that payment.
     */
    record Awaiting(UUID id, String refundNo, String voucherNo, BigDecimal amount, Instant refundedAt, String reason,
            Instant receivedAt, String refused, Instant closedAt, String closedBy, String closing, Boolean voucherAwaitingRegistration) {

        Refund refund() {
            return new Refund(0, refundNo, voucherNo, amount, refundedAt, reason);
        }

        Awaiting shown(String refundNoShown, String voucherNoShown, String reasonShown) {
            return new Awaiting(id, refundNoShown, voucherNoShown, amount, refundedAt, reasonShown, receivedAt, refused, closedAt,
                    closedBy, closing, voucherAwaitingRegistration);
        }
    }

    /** A refund's voucher kept until its payer is registered: received, its refund applied with it, nothing to chase. */
    private static final String VOUCHER_AWAITING_REGISTRATION = """
            exists (select 1 from payment_awaiting_registration kept
                    where kept.voucher_no = refund_awaiting_voucher.voucher_no and kept.closed_at is null)""";
    private static final String AWAITING_COLUMNS = "id, refund_no, voucher_no, amount, refunded_at, reason, received_at, refused, "
            + "closed_at, closed_by, closing, case when " + VOUCHER_AWAITING_REGISTRATION + " then true end as voucher_awaiting_registration";
    private static final String AWAITING = "select " + AWAITING_COLUMNS + " from refund_awaiting_voucher";

    /**
     * Keeps the refund for its voucher; one kept under its number for another voucher and not closed is kept for this one
     * instead, as sent again (the tax bureau corrected a mistyped voucher number), a refusal of it cleared.
     *
     * @return false when the refund number is kept already for this voucher (a duplicate), or closed
     */
    boolean keepAwaiting(Refund refund, String reasonRedacted, Instant receivedAt) {
        // two statements: an upsert locks the row it meets even where it changes nothing, and a post re-sending kept refunds
        // would hold their locks in its own order against a voucher's arrival taking them in theirs
        for (String statement : List.of("""
                insert into refund_awaiting_voucher (refund_no, voucher_no, amount, refunded_at, reason, received_at)
                values (:refundNo, :voucherNo, :amount, :refundedAt, :reason, :receivedAt)
                on conflict (refund_no) do nothing""", """
                update refund_awaiting_voucher set voucher_no = :voucherNo, amount = :amount, refunded_at = :refundedAt, reason = :reason,
                    received_at = :receivedAt, refused = null
                where refund_no = :refundNo and voucher_no <> :voucherNo and closed_at is null""")) {
            if (jdbc.sql(statement).param("refundNo", refund.refundNo()).param("voucherNo", refund.voucherNo()).param("amount", refund.amount())
                    .param("refundedAt", Timestamp.from(refund.refundedAt())).param("reason", reasonRedacted)
                    .param("receivedAt", Timestamp.from(receivedAt)).update() == 1) {
                return true;
            }
        }
        return false;
    }

    /** Closes the refunds kept for a voucher: closed with its kept payment. */
    int closeAwaitingOf(String voucherNo, String closedBy, String closing, Instant closedAt) {
        return jdbc.sql("""
                update refund_awaiting_voucher set closed_at = :closedAt, closed_by = :closedBy, closing = :closing
                where voucher_no = :voucherNo and closed_at is null""")
                .param("voucherNo", voucherNo).param("closedBy", closedBy).param("closing", closing).param("closedAt", Timestamp.from(closedAt))
                .update();
    }

    /**
     * The refunds waiting for these vouchers, in the order they were paid out, locked: the bureau's closing one meanwhile
     * waits, then finds it applied or refused, and one it closed first is not applied.
     */
    List<Awaiting> awaiting(Collection<String> voucherNos) {
        return jdbc.sql(AWAITING + """

                where voucher_no = any(cast(:voucherNos as varchar[])) and refused is null and closed_at is null
                order by refunded_at, refund_no
                for update""")
                .param("voucherNos", voucherNos.toArray(String[]::new))
                .query(Awaiting.class).list();
    }

    /** The vouchers received that refunds still wait for (kept while the voucher was being stored beside them). */
    List<String> awaitingOfVouchersReceived() {
        return jdbc.sql("""
                select distinct awaiting.voucher_no from refund_awaiting_voucher awaiting
                join payment on payment.voucher_no = awaiting.voucher_no
                where awaiting.refused is null and awaiting.closed_at is null
                order by awaiting.voucher_no""")
                .query(String.class).list();
    }

    /**
     * How many open refunds wait for their voucher, since when the oldest (null: none), and how many were refused once it
     * came; one whose voucher is kept until its payer is registered waits for that registration, not for the tax bureau.
     */
    record AwaitingCount(int waiting, Instant oldest, int refused) {
    }

    AwaitingCount awaitingCount() {
        return jdbc.sql("""
                select count(*) filter (where refused is null), min(received_at) filter (where refused is null),
                       count(*) filter (where refused is not null)
                from refund_awaiting_voucher
                where closed_at is null and not\s""" + VOUCHER_AWAITING_REGISTRATION)
                .query((row, n) -> new AwaitingCount(row.getInt(1), row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant(),
                        row.getInt(3)))
                .single();
    }

    /** Every refund kept for a voucher and not closed (still waiting, or refused once it came), or every one closed. */
    List<Awaiting> awaiting(boolean closed) {
        return jdbc.sql(AWAITING + (closed ? " where closed_at is not null" : " where closed_at is null") + " order by received_at, refund_no")
                .query(Awaiting.class).list();
    }

    /** The refund applied (or a duplicate of one applied): it waits no more. One the bureau closed stays, as its record. */
    void awaitedNoMore(String refundNo) {
        jdbc.sql("delete from refund_awaiting_voucher where refund_no = :refundNo and closed_at is null").param("refundNo", refundNo).update();
    }

    /**
     * Closes a kept refund still open: waiting, or refused (a transaction applying it holds it locked until it commits); not
     * one whose voucher is received and kept with its payment until the payer is registered (applied with it).
     *
     * @return the refund closed; empty when none with this id is open and closable
     */
    Optional<Awaiting> close(UUID id, String closedBy, String closing, Instant closedAt) {
        return jdbc.sql("""
                update refund_awaiting_voucher set closed_at = :closedAt, closed_by = :closedBy, closing = :closing
                where id = :id and closed_at is null and not\s""" + VOUCHER_AWAITING_REGISTRATION + """

                returning\s""" + AWAITING_COLUMNS)
                .param("id", id).param("closedBy", closedBy).param("closing", closing).param("closedAt", Timestamp.from(closedAt))
                .query(Awaiting.class).optional();
    }

    /** The kept refund of this number, open or closed. */
    Optional<Awaiting> awaitingRefund(String refundNo) {
        return jdbc.sql(AWAITING + " where refund_no = :refundNo").param("refundNo", refundNo).query(Awaiting.class).optional();
    }

    /** The kept refund with this id, open or closed. */
    Optional<Awaiting> awaiting(UUID id) {
        return jdbc.sql(AWAITING + " where id = :id").param("id", id).query(Awaiting.class).optional();
    }

    void refuseAwaiting(String refundNo, String why) {
        jdbc.sql("update refund_awaiting_voucher set refused = :why where refund_no = :refundNo")
                .param("refundNo", refundNo).param("why", why).update();
    }
}
