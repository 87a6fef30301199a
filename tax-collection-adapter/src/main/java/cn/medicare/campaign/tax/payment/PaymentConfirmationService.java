package cn.medicare.campaign.tax.payment;

import static cn.medicare.campaign.contracts.identity.IdNumberLeaks.redactWithinNumbers;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.tax.levy.CampaignStore;
import cn.medicare.campaign.tax.levy.LevyListService;
import cn.medicare.campaign.tax.levy.Listed;
import cn.medicare.campaign.tax.levy.PersonYear;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 缴费信息回传: stores each new payment, counts it on the levy item and publishes PaymentConfirmed,
 * all in one transaction, with the refunds kept for its voucher before it came. A payment for someone
 * not (yet) on the levy list is a real payment too: it counts once the enrolment arrives (DOMAIN.md),
 * published at once in the one county running that year, or, while several run, kept apart until a
 * registration tells its county ({@link #applyAwaitingRegistration}). Where its county cannot be told
 * because a campaign or enrolment has not been consumed yet, the whole request is answered 503 and
 * nothing is applied; only a year no campaign runs, with everything consumed, is the row's fault.
 */
@Service
class PaymentConfirmationService {

    private static final Logger log = LoggerFactory.getLogger(PaymentConfirmationService.class);

    private final PaymentStore payments;
    private final LevyListService levyList;
    private final CampaignStore campaigns;
    private final PersonIds personIds;
    private final OutboxWriter outbox;
    private final ConsumerProgress progress;
    private final PersonLocks locks;
    private final RefundService refunds;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PaymentConfirmationService(PaymentStore payments, LevyListService levyList, CampaignStore campaigns, PersonIds personIds, OutboxWriter outbox,
            ConsumerProgress progress, PersonLocks locks, RefundService refunds, TransactionTemplate transaction, Clock clock) {
        this.locks = locks;
        this.transaction = transaction;
        this.refunds = refunds;
        this.clock = clock;
        this.payments = payments;
        this.levyList = levyList;
        this.campaigns = campaigns;
        this.personIds = personIds;
        this.outbox = outbox;
        this.progress = progress;
    }

    private static final Map<String, String> CHINESE = Map.of("amount", "金额", "person", "缴费人或参保年度", "channel", "缴费渠道",
            "paidAt", "缴费日期");

    @Transactional
    ConfirmationOutcome confirm(ConfirmationReader.Rows rows) {
        // first, so that two posts of one voucher (one payer) are decided one after the other
        locks.lock(rows.valid().stream().map(confirmation -> personIds.personId(confirmation.idNumber())).toList());
        List<ConfirmationOutcome.Rejection> rejected = new ArrayList<>(rows.rejected());
        Map<String, PaymentStore.Received> before = payments.find(rows.valid().stream().map(Confirmation::voucherNo).toList());
        ConsumerProgress.CaughtUp consumed = progress.forOneRequest();
        // a voucher repeated in the request is a duplicate of its line stored; a line refused leaves the next line of its
        // voucher to be tried (the year corrected in the same post)
        Map<String, Confirmation> stored = new HashMap<>();
        Map<Confirmation, InputError> refused = new HashMap<>();
        for (List<Confirmation> fresh = untried(rows.valid(), before, stored, refused); !fresh.isEmpty();
                fresh = untried(rows.valid(), before, stored, refused)) {
            Map<Confirmation, InputError> refusedNow = store(fresh, PaymentSource.WEBHOOK, consumed);
            refused.putAll(refusedNow);
            fresh.stream().filter(confirmation -> !refusedNow.containsKey(confirmation))
                    .forEach(confirmation -> stored.put(confirmation.voucherNo(), confirmation));
        }
        refused.forEach((confirmation, why) -> rejected.add(new ConfirmationOutcome.Rejection(confirmation.index(), List.of(why))));
        rejected.sort(Comparator.comparingInt(ConfirmationOutcome.Rejection::index));
        return new ConfirmationOutcome(stored.size(), rows.valid().size() - stored.size() - refused.size(), rejected,
                conflicts(rows, before, stored, refused));
    }

    /** The first line of each voucher neither received before, stored by this post nor refused in it: the next to store. */
    private static List<Confirmation> untried(List<Confirmation> lines, Map<String, PaymentStore.Received> before,
            Map<String, Confirmation> stored, Map<Confirmation, InputError> refused) {
        Set<String> vouchers = new HashSet<>();
        return lines.stream().filter(line -> !before.containsKey(line.voucherNo()) && !stored.containsKey(line.voucherNo())
                && !refused.containsKey(line) && vouchers.add(line.voucherNo())).toList();
    }

    /**
     * The duplicates that say otherwise than the voucher as received (the tax bureau corrected a payer, or the day's file
     * recovered the voucher first with other data): still duplicates that change nothing (API.md), named so that the
     * difference is settled with the bureau instead of lost.
     */
    private List<ConfirmationOutcome.Rejection> conflicts(ConfirmationReader.Rows rows, Map<String, PaymentStore.Received> before,
            Map<String, Confirmation> stored, Map<Confirmation, InputError> refused) {
        List<ConfirmationOutcome.Rejection> conflicts = new ArrayList<>();
        for (Confirmation row : rows.valid()) {
            Confirmation storedLine = stored.get(row.voucherNo());
            if (refused.containsKey(row) || row.equals(storedLine)) {
                continue;
            }
            String payer = personIds.personId(row.idNumber());
            // a voucher twice in the post: the later line is held to the one stored, as to one received before
            PaymentStore.Received first = before.containsKey(row.voucherNo()) ? before.get(row.voucherNo())
                    : PaymentStore.Received.of(storedLine, personIds.personId(storedLine.idNumber()));
            List<String> differences = first.differencesFrom(row, payer);
            if (!differences.isEmpty()) {
                conflicts.add(new ConfirmationOutcome.Rejection(row.index(), differences.stream().map(field -> InputError.row(row.index(),
                        field.equals("person") ? "idNumber" : field, "凭证号已收到，此前收到的" + CHINESE.get(field) + "不同，本次未作变更，请与医保局核对"
                                + " / the voucher was received before with another " + field + ": nothing changed, settle it with the bureau"))
                        .toList()));
            }
        }
        return conflicts;
    }

    /** What the request's rows need to know of the consumer's progress, asked of the broker once per request. */
    ConsumerProgress.CaughtUp progressForOneRequest() {
        return progress.forOneRequest();
    }

    /**
     * Stores payments not received before, counts them and publishes them, in a few statements for
     * all of them; the caller holds the payers' locks ({@link PersonLocks}) and has checked the
     * vouchers are new.
     *
     * @return the payments that cannot be kept, each with why: no campaign runs for their year, with every campaign
     *         consumed (one whose county several running campaigns leave open is kept until a registration tells it)
     * @throws ApiException 503 when a campaign or enrolment that would tell a region may not have been consumed yet;
     *         the caller's transaction rolls back, so nothing of the request is applied
     */
    Map<Confirmation, InputError> store(List<Confirmation> confirmations, PaymentSource source, ConsumerProgress.CaughtUp consumed) {
        if (confirmations.isEmpty()) {
            return Map.of();
        }
        Counties counties = new Counties(confirmations);
        List<Confirmation> waiting = counties.unknown().stream().filter(confirmation -> counties.mayBeOnItsWay(confirmation, consumed))
                .toList();
        if (!waiting.isEmpty()) {
            throw ApiException.notYetKnown("本服务尚未收到判定缴费所属县所需的参保方案或参保登记，本次请求未处理，请稍后重新发送 "
                    + "(this service has not yet received the campaign or enrolment that tells a payment's county; "
                    + "nothing was applied: send the whole request again shortly)",
                    waiting.stream().map(confirmation -> InputError.field("coverageYear", "凭证号 " + confirmation.voucherNo() + " 等待"
                            + confirmation.coverageYear() + "年度的参保方案或参保登记 (voucher " + confirmation.voucherNo()
                            + " waits for the campaign or enrolment of " + confirmation.coverageYear() + ")")).toList());
        }
        // caught up as the broker answered just now, perhaps after the reads above: read what was consumed meanwhile
        counties.readAgainTheUnknown();
        Map<Confirmation, InputError> refused = new LinkedHashMap<>();
        List<PaymentConfirmed> stored = new ArrayList<>();
        List<String> idNumbersMasked = new ArrayList<>();
        List<PaymentStore.AwaitingRegistration> kept = new ArrayList<>();
        LocalDate firstCollectionDay = campaigns.firstCollectionDay().orElse(null);
        for (Confirmation confirmation : confirmations) {
            Optional<String> region = counties.of(confirmation);
            if (region.isPresent()) {
                stored.add(new PaymentConfirmed(counties.payer(confirmation), confirmation.coverageYear(), region.get(),
                        confirmation.voucherNo(), confirmation.amount(), confirmation.channel(), confirmation.paidAt(), source));
                idNumbersMasked.add(counties.announcedMask(confirmation).orElseGet(() -> confirmation.idNumberMasked(firstCollectionDay)));
            } else if (counties.campaignRegions(confirmation.coverageYear()).isEmpty()) {
                refused.put(confirmation, InputError.field("coverageYear",
                        "该年度没有参保缴费方案 (no campaign runs for " + confirmation.coverageYear() + ")"));
            } else {
                // several counties run that year and none has registered the payer yet: kept until one does (DOMAIN.md)
                kept.add(new PaymentStore.AwaitingRegistration(confirmation.voucherNo(), counties.payer(confirmation),
                        confirmation.coverageYear(), confirmation.idNumberMasked(firstCollectionDay), confirmation.amount(),
                        confirmation.channel(), confirmation.paidAt(), source, clock.instant()));
            }
        }
        if (!kept.isEmpty()) {
            payments.keepAwaitingRegistration(kept);
        }
        record(stored, idNumbersMasked);
        return refused;
    }

    /** Stores, counts and publishes payments with their county, and applies the refunds kept for their vouchers. */
    private void record(List<PaymentConfirmed> stored, List<String> idNumbersMasked) {
        if (stored.isEmpty()) {
            return;
        }
        payments.store(stored, idNumbersMasked);
        levyList.addPayments(stored);
        outbox.appendAll(stored.stream().map(payment -> OutboxMessage.of(payment, clock.instant())).toList());
        refunds.applyAwaiting(stored.stream().map(PaymentConfirmed::voucherNo).toList());
    }

    /**
     * The payments kept until their payer is registered (several counties running that year, none knowing the payer),
     * stored, counted and published with the county of the registration once one has arrived: every
     * {@code insurance.tax.payments-awaiting-every} (10 s), under ShedLock, a transaction per payer with the payer's
     * lock, so that one failing (logged) leaves the others applied. The county is that of the payer's levy item of the year,
     * else of the last (续保), as for a payment that comes after.
     */
    @Scheduled(initialDelayString = "${insurance.tax.payments-awaiting-every:PT10S}",
            fixedDelayString = "${insurance.tax.payments-awaiting-every:PT10S}")
    @SchedulerLock(name = "payments-awaiting-registration", lockAtMostFor = "PT10M")
    public void applyAwaitingRegistration() {
        // one voucher posted for two payers at once, kept for one and stored for the other, each under its own payer's lock
        payments.dropAwaitingRegistrationStored().forEach(voucherNo -> log.warn("Voucher {}, kept for its payer's registration, "
                + "was stored meanwhile for another payer: the kept one is a duplicate, dropped", redactWithinNumbers(voucherNo)));
        List<PaymentStore.AwaitingRegistration> waiting = payments.awaitingRegistration(false);
        if (waiting.isEmpty()) {
            return;
        }
        Map<PersonYear, Listed> listed = levyList.listedAs(waiting.stream()
                .map(payment -> new PersonYear(payment.personId(), payment.coverageYear()))
                .flatMap(item -> Stream.of(item, lastYear(item)))
                .collect(Collectors.toSet()));
        Set<String> registered = listed.keySet().stream().map(PersonYear::personId).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String payer : registered) {
            try {
                transaction.executeWithoutResult(status -> applyAwaitingRegistrationOf(payer));
            } catch (RuntimeException e) {
                // the class alone: a database's message may quote a voucher number or a masked ID number
                log.warn("The payments kept for a payer's registration were not applied, tried again shortly: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void applyAwaitingRegistrationOf(String payer) {
        locks.lock(List.of(payer));
        List<PaymentStore.AwaitingRegistration> kept = payments.awaitingRegistrationOf(payer);
        Map<PersonYear, Listed> listed = levyList.listedAs(kept.stream()
                .map(payment -> new PersonYear(payer, payment.coverageYear())).flatMap(item -> Stream.of(item, lastYear(item)))
                .collect(Collectors.toSet()));
        List<PaymentStore.AwaitingRegistration> registered = new ArrayList<>();
        List<PaymentConfirmed> stored = new ArrayList<>();
        List<String> idNumbersMasked = new ArrayList<>();
        for (PaymentStore.AwaitingRegistration payment : kept) {
            List<Listed> registrations = registrations(listed, new PersonYear(payer, payment.coverageYear()));
            if (registrations.isEmpty()) {
                continue;
            }
            registered.add(payment);
            stored.add(payment.in(registrations.get(0).region()));
            idNumbersMasked.add(announcedMask(registrations).orElse(payment.idNumberMasked()));
        }
        payments.registeredNoMore(registered.stream().map(PaymentStore.AwaitingRegistration::voucherNo).toList());
        record(stored, idNumbersMasked);
        // the day's file that brought one, as for a voucher the file recovers after its registration
        registered.stream().filter(payment -> payment.recoveredOn() != null)
                .collect(Collectors.groupingBy(PaymentStore.AwaitingRegistration::recoveredOn,
                        Collectors.mapping(PaymentStore.AwaitingRegistration::voucherNo, Collectors.toList())))
                .forEach((day, voucherNos) -> payments.markRecovered(voucherNos, day));
    }

    /** The payer's levy items of the year and, else, of the last (续保), that exist: the first tells the county. */
    private static List<Listed> registrations(Map<PersonYear, Listed> listed, PersonYear item) {
        return Stream.of(item, lastYear(item)).map(listed::get).filter(Objects::nonNull).toList();
    }

    /** The mask the payer's enrolment of the year, else of last year, was announced with. */
    private static Optional<String> announcedMask(List<Listed> registrations) {
        return registrations.stream().map(Listed::idNumberMasked).filter(Objects::nonNull).findFirst();
    }

    private static PersonYear lastYear(PersonYear item) {
        return new PersonYear(item.personId(), item.coverageYear() - 1);
    }

    /** Every payment kept until its payer is registered and not closed, or every one closed, for the bureaus to chase. */
    @Transactional(readOnly = true)
    List<PaymentStore.AwaitingRegistration> awaitingRegistration(boolean closed) {
        return payments.awaitingRegistration(closed);
    }

    /**
     * 结案: the bureau closes a payment kept for a registration that will not come (a payer who belongs to no county here,
     * the money refunded by the tax bureau outside this service), saying why. It leaves the list, the gauges and the alert,
     * is never stored after, and stays as the record, a received voucher still (a duplicate if sent again).
     */
    @Transactional
    PaymentStore.AwaitingRegistration closeAwaitingRegistration(Caller caller, String voucherNo, String why) {
        RefundService.requireReason(why);
        PaymentStore.AwaitingRegistration closed = payments.closeAwaitingRegistration(voucherNo, caller.clientId(),
                        FreeText.redact(why.strip()), clock.instant())
                .orElseThrow(() -> payments.awaitingRegistration(voucherNo)
                        .map(earlier -> ApiException.conflict("该缴费已于 " + earlier.closedAt() + " 由 " + earlier.closedBy()
                                + " 结案 / this payment was closed by " + earlier.closedBy() + " at " + earlier.closedAt()))
                        .orElseGet(() -> ApiException.notFound("没有该待登记缴费，或已随登记入账 / no such kept payment, or it was stored "
                                + "when its payer was registered")));
        // the tax bureau's refunds of it are settled with it: left open, they would wait for a voucher received
        int refunds = payments.closeAwaitingOf(voucherNo, caller.clientId(), closed.closing(), closed.closedAt());
        log.info("Payment {} kept for its payer's registration closed by {}, with {} refund(s) kept for it", redactWithinNumbers(voucherNo),
                caller.clientId(), refunds);
        return closed;
    }

    /**
     * The payers' counties, read for all of a call's payments at once: their levy item of the year,
     * else last year's (续保), else the only county with a campaign that year; and the masks their
     * enrolments were announced with.
     */
    private final class Counties {

        private final Map<Confirmation, PersonYear> items = new HashMap<>();
        private final Map<PersonYear, Listed> listed = new HashMap<>();
        private final Map<Integer, List<String>> campaignRegions = new HashMap<>();

        Counties(List<Confirmation> confirmations) {
            confirmations.forEach(confirmation -> items.put(confirmation,
                    new PersonYear(personIds.personId(confirmation.idNumber()), confirmation.coverageYear())));
            read(confirmations);
        }

        Optional<String> of(Confirmation confirmation) {
            PersonYear item = items.get(confirmation);
            List<Listed> registrations = registrations(listed, item);
            if (!registrations.isEmpty()) {
                return Optional.of(registrations.get(0).region());
            }
            List<String> running = campaignRegions(item.coverageYear());
            return running.size() == 1 ? Optional.of(running.get(0)) : Optional.empty();
        }

        /**
         * The mask the payer's enrolment of the year, else of last year, was announced with: one person shows one mask (a
         * child announced 6+1 under an older rule keeps it; docs/personal-data.md), whatever the rule would make of it here.
         */
        Optional<String> announcedMask(Confirmation confirmation) {
            return PaymentConfirmationService.announcedMask(registrations(listed, items.get(confirmation)));
        }

        /** The payer's person id, derived once per row (a keyed hash of the number). */
        String payer(Confirmation confirmation) {
            return items.get(confirmation).personId();
        }

        List<Confirmation> unknown() {
            return items.keySet().stream().filter(confirmation -> of(confirmation).isEmpty()).toList();
        }

        /**
         * The campaigns too: one consumed between their first read and the broker's answer is counted caught up by it, and
         * would otherwise leave its payments refused "no campaign".
         */
        void readAgainTheUnknown() {
            campaignRegions.clear();
            read(unknown());
        }

        List<String> campaignRegions(int year) {
            return campaignRegions.computeIfAbsent(year, campaigns::regionsFor);
        }

        /**
         * No campaign of the year: the next year's campaign (or the first one) may still be in
         * enrollment-service's outbox, where the topic cannot show it; any other may still be on the
         * topic. Several: the enrolment that tells them apart may still be on the topic. A payment made
         * before the year preceding its coverage year waits for nothing: no campaign collects that early,
         * and one such row held a whole post back until a campaign a year away was defined.
         */
        boolean mayBeOnItsWay(Confirmation confirmation, ConsumerProgress.CaughtUp consumed) {
            int year = confirmation.coverageYear();
            if (campaignRegions(year).isEmpty()) {
                boolean collectedByThen = confirmation.paidAt().atZone(BusinessTime.ZONE).getYear() >= year - 1;
                return collectedByThen && (campaigns.latestYear().map(latest -> year == latest + 1).orElse(true)
                        || !consumed.caughtUp(Topics.CAMPAIGN));
            }
            return !consumed.caughtUp(Topics.ROSTER);
        }

        private void read(List<Confirmation> confirmations) {
            if (confirmations.isEmpty()) {
                return;
            }
            Set<PersonYear> keys = new HashSet<>();
            confirmations.stream().map(items::get).forEach(item -> {
                keys.add(item);
                keys.add(lastYear(item));
            });
            listed.putAll(levyList.listedAs(keys));
        }
    }
}
