package cn.medicare.campaign.tax.payment;

import static cn.medicare.campaign.contracts.identity.IdNumberLeaks.idNumberShapes;
import static cn.medicare.campaign.contracts.identity.IdNumberLeaks.redactWithinNumbers;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.tax.levy.LevyListService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 退费: stores each new refund of a received voucher, takes it off the levy item's paid total and
 * publishes PaymentRefunded, all in one transaction. A voucher is never refunded beyond what was
 * paid on it. A refund of a voucher not received yet is kept and applied the moment the voucher
 * arrives ({@link #applyAwaiting}): its confirmation may have been lost on the way and come back
 * with the day's reconciliation file, and a refund refused then was never sent again.
 */
@Service
class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);
    private static final int MAX_CLOSING = 500;

    private final PaymentStore payments;
    private final LevyListService levyList;
    private final OutboxWriter outbox;
    private final PersonLocks locks;
    private final PersonIds personIds;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RefundService(PaymentStore payments, LevyListService levyList, OutboxWriter outbox, PersonLocks locks, PersonIds personIds,
            TransactionTemplate transaction, Clock clock) {
        this.transaction = transaction;
        this.locks = locks;
        this.payments = payments;
        this.levyList = levyList;
        this.outbox = outbox;
        this.personIds = personIds;
        this.clock = clock;
    }

    @Transactional
    ConfirmationOutcome record(RefundReader.Rows rows) {
        // the vouchers read once: a voucher stored meanwhile by another post is one whose payer this post holds no lock of,
        // so its refunds are kept, and taken up as any kept beside their voucher (applyAwaitingOfVouchersReceived)
        Map<String, PaymentStore.Paid> received = new HashMap<>();
        rows.valid().forEach(refund -> payments.paid(refund.voucherNo()).ifPresent(paid -> received.put(refund.voucherNo(), paid)));
        // first, so that two posts refunding one voucher (one payer) are decided one after the other
        locks.lock(received.values().stream().map(PaymentStore.Paid::personId).toList());
        List<ConfirmationOutcome.Rejection> rejected = new ArrayList<>(rows.rejected());
        List<ConfirmationOutcome.Rejection> conflicts = new ArrayList<>();
        Set<String> numbered = new HashSet<>();
        Set<String> keptHere = new HashSet<>();
        int accepted = 0;
        int duplicates = 0;
        int awaiting = 0;
        for (Refund refund : rows.valid()) {
            // a number repeated in the post is a duplicate of its first line, as one received before, unless that line was refused
            // or kept for a voucher not received: a later line of its number corrects it, as a later post would, the line it
            // corrects then counted a duplicate
            Optional<PaymentStore.Refunded> refunded = payments.refunded(refund.refundNo());
            if (numbered.contains(refund.refundNo()) || refunded.isPresent()) {
                duplicates++;
                refunded.flatMap(first -> otherwiseThan(refund, first.voucherNo(), first.amount(), first.refundedAt()))
                        .ifPresent(conflicts::add);
                continue;
            }
            PaymentStore.Paid paid = received.get(refund.voucherNo());
            if (paid == null) {
                if (payments.keepAwaiting(refund, FreeText.redact(refund.reason()), clock.instant())) {
                    // applied for another voucher while this post waited on its kept row: it is that refund
                    Optional<String> appliedMeanwhile = payments.refunded(refund.refundNo()).map(PaymentStore.Refunded::voucherNo);
                    if (appliedMeanwhile.isPresent()) {
                        payments.awaitedNoMore(refund.refundNo());
                        duplicates++;
                        appliedMeanwhile.filter(voucherNo -> !voucherNo.equals(refund.voucherNo()))
                                .ifPresent(voucherNo -> conflicts.add(usedFor(refund, voucherNo)));
                    } else if (keptHere.add(refund.refundNo())) {
                        awaiting++;
                    } else {
                        // kept again, for another voucher: the first line of its number is the duplicate, corrected
                        duplicates++;
                    }
                } else if (payments.awaitingRefund(refund.refundNo()).filter(kept -> kept.closedAt() != null
                        && !kept.voucherNo().equals(refund.voucherNo())).isPresent()) {
                    rejected.add(new ConfirmationOutcome.Rejection(refund.index(), List.of(InputError.field("refundNo",
                            "该退费单号已由医保局结案，请与医保局核对 / the refund number was closed by the bureau: settle it with the bureau"))));
                    continue;
                } else {
                    duplicates++;
                    payments.awaitingRefund(refund.refundNo())
                            .flatMap(kept -> otherwiseThan(refund, kept.voucherNo(), kept.amount(), kept.refundedAt()))
                            .ifPresent(conflicts::add);
                }
                // not numbered: a later line of its number, for a voucher received, is tried (stored ones are found stored)
                continue;
            }
            Applied applied = apply(refund, paid);
            if (applied.refused() != null) {
                rejected.add(new ConfirmationOutcome.Rejection(refund.index(), List.of(applied.refused())));
                continue;
            }
            numbered.add(refund.refundNo());
            if (applied.stored()) {
                accepted++;
            } else {
                duplicates++;
            }
            // sent again once its voucher came: a refused listing of it is settled, a line of this post kept for it corrected
            payments.awaitedNoMore(refund.refundNo());
            if (keptHere.remove(refund.refundNo())) {
                awaiting--;
                duplicates++;
            }
        }
        rejected.sort(Comparator.comparingInt(ConfirmationOutcome.Rejection::index));
        return new ConfirmationOutcome(accepted, duplicates, rejected, conflicts, awaiting);
    }

    /**
     * A refund number received before for another voucher, amount or day: still a duplicate that changes nothing (API.md),
     * named, as a confirmation's is, so that the difference (a typo in the first post, say) is settled with the bureau
     * instead of lost.
     */
    private static Optional<ConfirmationOutcome.Rejection> otherwiseThan(Refund refund, String voucherNo, BigDecimal amount,
            Instant refundedAt) {
        if (!voucherNo.equals(refund.voucherNo())) {
            return Optional.of(usedFor(refund, voucherNo));
        }
        List<InputError> differences = new ArrayList<>();
        if (amount.compareTo(refund.amount()) != 0) {
            differences.add(differs(refund, "amount", "退费金额"));
        }
        if (!refundedAt.equals(refund.refundedAt())) {
            differences.add(differs(refund, "refundedAt", "退费时间"));
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(new ConfirmationOutcome.Rejection(refund.index(), differences));
    }

    private static InputError differs(Refund refund, String field, String chinese) {
        return InputError.row(refund.index(), field, "退费单号已收到，此前收到的" + chinese + "不同，本次未作变更，请与医保局核对"
                + " / the refund number was received before with another " + field + ": nothing changed, settle it with the bureau");
    }

    /** A duplicate that says otherwise: its number was used for another voucher's refund, which stands. */
    private static ConfirmationOutcome.Rejection usedFor(Refund refund, String voucherNo) {
        return new ConfirmationOutcome.Rejection(refund.index(), List.of(InputError.field("refundNo", "退费单号已用于凭证号 " + voucherNo
                + " 的退费，本次未作变更，请与医保局核对 / the refund number was used for a refund of voucher " + voucherNo
                + ": nothing changed, settle it with the bureau")));
    }

    /**
     * The refunds kept for these vouchers, now received, applied as if they had come after them; one found wrong now is
     * kept refused, with why, for the bureau and the tax bureau to settle ({@code GET /api/v1/refunds/awaiting-voucher}).
     * Runs in the transaction that stores the vouchers, whose payers' locks it holds.
     */
    void applyAwaiting(Collection<String> voucherNos) {
        for (PaymentStore.Awaiting awaiting : payments.awaiting(voucherNos)) {
            PaymentStore.Paid paid = payments.paid(awaiting.voucherNo()).orElseThrow();
            Optional<String> numberedBefore = payments.refunded(awaiting.refundNo()).map(PaymentStore.Refunded::voucherNo);
            Applied applied = numberedBefore.isEmpty() ? apply(awaiting.refund(), paid)
                    : numberedBefore.get().equals(awaiting.voucherNo()) ? Applied.DUPLICATE
                    : new Applied(false, InputError.field("refundNo", "退费单号已用于凭证号 " + numberedBefore.get()
                            + " 的退费 / the refund number was used for a refund of voucher " + numberedBefore.get()));
            if (applied.refused() != null) {
                payments.refuseAwaiting(awaiting.refundNo(), applied.refused().message());
                log.warn("A refund kept for voucher {} is refused now the voucher came: {}", redactWithinNumbers(awaiting.voucherNo()),
                        redactWithinNumbers(applied.refused().message()));
            } else {
                payments.awaitedNoMore(awaiting.refundNo());
            }
        }
    }

    /**
     * The refunds kept for a voucher already received: a refund post and the voucher's confirmation at the same moment, each
     * not seeing the other uncommitted, leave the refund waiting for a voucher that came. Taken up here, within a minute
     * ({@code insurance.tax.refunds-awaiting-every}), with the payers' locks, as if they had come after it. A row lock or an
     * advisory lock between the two posts would cost every confirmation post a lock per voucher for a race this rare.
     */
    @Scheduled(initialDelayString = "${insurance.tax.refunds-awaiting-every:PT1M}",
            fixedDelayString = "${insurance.tax.refunds-awaiting-every:PT1M}")
    @SchedulerLock(name = "refunds-awaiting-voucher", lockAtMostFor = "PT10M")
    public void applyAwaitingOfVouchersReceived() {
        for (String voucherNo : payments.awaitingOfVouchersReceived()) {
            // a transaction per voucher: one that fails (logged) leaves the others applied
            try {
                transaction.executeWithoutResult(status -> {
                    locks.lock(payments.paid(voucherNo).stream().map(PaymentStore.Paid::personId).toList());
                    applyAwaiting(List.of(voucherNo));
                });
            } catch (RuntimeException e) {
                // the class alone: a database's message may quote a refund number, and one may hold an ID number
                log.warn("The refunds kept for voucher {} were not applied, tried again in a minute: {}", redactWithinNumbers(voucherNo),
                        e.getClass().getSimpleName());
            }
        }
    }

    /** What became of a refund of a received voucher: stored, a duplicate of one stored meanwhile, or refused and why. */
    private record Applied(boolean stored, InputError refused) {

        static final Applied STORED = new Applied(true, null);
        static final Applied DUPLICATE = new Applied(false, null);
    }

    private Applied apply(Refund refund, PaymentStore.Paid payment) {
        BigDecimal remaining = payment.amount().subtract(payments.refundedOn(refund.voucherNo()));
        if (refund.amount().compareTo(remaining) > 0) {
            return new Applied(false, InputError.field("amount",
                    "超过凭证号 " + refund.voucherNo() + " 扣除此前退费后剩余的 " + remaining + " 元 / is more than the " + remaining
                            + " that remain of voucher " + refund.voucherNo() + " after earlier refunds"));
        }
        if (holdsThePayersIdNumber(refund.refundNo(), payment.personId())) {
            return new Applied(false, InputError.field("refundNo", "不能含有缴费人的身份证号码 / must not hold the payer's ID number"));
        }
        PaymentRefunded refunded = new PaymentRefunded(payment.personId(), payment.coverageYear(), payment.region(),
                refund.voucherNo(), refund.refundNo(), refund.amount(), refund.refundedAt(), FreeText.redact(refund.reason()));
        if (!payments.storeRefund(refunded)) {
            return Applied.DUPLICATE;
        }
        levyList.subtractRefund(payment.personId(), payment.coverageYear(), refund.amount(),
                payment.channel() == PaymentChannel.ASSISTANCE_FUND);
        outbox.append(refunded);
        return Applied.STORED;
    }

    /**
     * Every refund kept for a voucher not received and not closed (still waiting, or refused once it came), or every one
     * closed, reasons redacted. The tax bureau reads its own refund and voucher numbers; the bureau reads them with any 18
     * characters that could be an ID number starred, since one kept before its payer was known was never checked against
     * the payer's number ({@link #holdsThePayersIdNumber}).
     */
    @Transactional(readOnly = true)
    List<PaymentStore.Awaiting> awaiting(boolean numbersInFull, boolean closed) {
        return payments.awaiting(closed).stream().map(awaiting -> shown(awaiting, numbersInFull)).toList();
    }

    /**
     * 结案: the bureau closes a kept refund it has settled with the tax bureau outside this service, one refused once its
     * voucher came or one whose voucher will never come, saying why. It leaves the list, the gauges and the alerts, and is
     * never applied after; the row stays, closed, as the record. One the tax bureau sends again under its number is applied
     * as any refund of a received voucher.
     */
    @Transactional
    PaymentStore.Awaiting close(Caller caller, UUID id, String why) {
        requireReason(why);
        PaymentStore.Awaiting closed = payments.close(id, caller.clientId(), FreeText.redact(why.strip()), clock.instant())
                .orElseThrow(() -> payments.awaiting(id).map(RefundService::notClosable)
                        .orElseGet(() -> ApiException.notFound("没有该待匹配退费，或已随凭证入账 / no such kept refund, or it was "
                                + "applied when its voucher came")));
        log.info("Refund {} kept for voucher {} closed by {}", redactWithinNumbers(closed.refundNo()), redactWithinNumbers(closed.voucherNo()),
                caller.clientId());
        return shown(closed, caller.is(Role.TAX_BUREAU));
    }

    /** Why a kept refund the closing met was left open: closed before, or its voucher received and kept with its payment. */
    private static ApiException notClosable(PaymentStore.Awaiting kept) {
        if (kept.closedAt() != null) {
            return ApiException.conflict("该退费已于 " + kept.closedAt() + " 由 " + kept.closedBy() + " 结案 / this refund was closed by "
                    + kept.closedBy() + " at " + kept.closedAt());
        }
        // its voucher is received: the refund is applied with the payment once a county registers the payer
        return ApiException.conflict("该退费的缴费凭证已收到，待缴费人登记后一并入账，不能单独结案 / its voucher was received and waits for "
                + "its payer's registration, when the refund is applied with it: closing that payment closes its refunds too");
    }

    /** 结案原因: required, at most 500 characters (a kept refund's, a kept payment's). */
    static void requireReason(String why) {
        if (why == null || why.isBlank() || why.strip().length() > MAX_CLOSING) {
            throw ApiException.invalid("reason", "结案原因必须填写，最多" + MAX_CLOSING + "字 / is required, at most " + MAX_CLOSING + " characters");
        }
    }

    private static PaymentStore.Awaiting shown(PaymentStore.Awaiting awaiting, boolean numbersInFull) {
        return awaiting.shown(numbersInFull ? awaiting.refundNo() : redactWithinNumbers(awaiting.refundNo()),
                numbersInFull ? awaiting.voucherNo() : redactWithinNumbers(awaiting.voucherNo()), FreeText.redact(awaiting.reason()));
    }

    /**
     * The payer's own number run into the refund number's letters (TK350825…) would travel in plain in PaymentRefunded, as a
     * voucher number would (ConfirmationReader). The refund row names no ID number, so each 18 characters of its shape are
     * compared with the payer's by their person id; any such 18 characters would refuse the tax bureau's real, longer numbers.
     */
    private boolean holdsThePayersIdNumber(String refundNo, String payer) {
        return idNumberShapes(refundNo).anyMatch(window -> personIds.personId(refundNo.substring(window, window + 18).toUpperCase(Locale.ROOT))
                .equals(payer));
    }
}
