package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.tax.levy.LevyListService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退费: stores each new refund of a received voucher, takes it off the levy item's paid total and
 * publishes PaymentRefunded, all in one transaction. A voucher is never refunded beyond what was
 * paid on it.
 */
@Service
class RefundService {

    private static final Pattern ID_NUMBER_SHAPE = Pattern.compile("[0-9]{17}[0-9X]");

    private final PaymentStore payments;
    private final LevyListService levyList;
    private final OutboxWriter outbox;
    private final PersonLocks locks;
    private final PersonIds personIds;

    RefundService(PaymentStore payments, LevyListService levyList, OutboxWriter outbox, PersonLocks locks, PersonIds personIds) {
        this.locks = locks;
        this.payments = payments;
        this.levyList = levyList;
        this.outbox = outbox;
        this.personIds = personIds;
    }

    @Transactional
    ConfirmationOutcome record(RefundReader.Rows rows) {
        // first, so that two posts refunding one voucher (one payer) are decided one after the other
        locks.lock(rows.valid().stream().flatMap(refund -> payments.paid(refund.voucherNo()).stream()).map(PaymentStore.Paid::personId)
                .toList());
        List<ConfirmationOutcome.Rejection> rejected = new ArrayList<>(rows.rejected());
        int accepted = 0;
        int duplicates = 0;
        for (Refund refund : rows.valid()) {
            if (payments.refundReceived(refund.refundNo())) {
                duplicates++;
                continue;
            }
            Optional<PaymentStore.Paid> paid = payments.paid(refund.voucherNo());
            if (paid.isEmpty()) {
                rejected.add(new ConfirmationOutcome.Rejection(refund.index(),
                        List.of(InputError.field("voucherNo",
                                "未收到该凭证号的缴费，请先确认缴费 / is not a voucher we received; confirm the payment first"))));
                continue;
            }
            BigDecimal remaining = paid.get().amount().subtract(payments.refundedOn(refund.voucherNo()));
            if (refund.amount().compareTo(remaining) > 0) {
                rejected.add(new ConfirmationOutcome.Rejection(refund.index(), List.of(InputError.field("amount",
                        "超过凭证号 " + refund.voucherNo() + " 扣除此前退费后剩余的 " + remaining + " 元 / is more than the " + remaining
                                + " that remain of voucher " + refund.voucherNo() + " after earlier refunds"))));
                continue;
            }
            PaymentStore.Paid payment = paid.get();
            if (holdsThePayersIdNumber(refund.refundNo(), payment.personId())) {
                rejected.add(new ConfirmationOutcome.Rejection(refund.index(), List.of(InputError.field("refundNo",
                        "不能含有缴费人的身份证号码 / must not hold the payer's ID number"))));
                continue;
            }
            PaymentRefunded refunded = new PaymentRefunded(payment.personId(), payment.coverageYear(), payment.region(),
                    refund.voucherNo(), refund.refundNo(), refund.amount(), refund.refundedAt(), FreeText.redact(refund.reason()));
            if (!payments.storeRefund(refunded)) {
                duplicates++;
                continue;
            }
            levyList.subtractRefund(payment.personId(), payment.coverageYear(), refund.amount(),
                    payment.channel() == PaymentChannel.ASSISTANCE_FUND);
            outbox.append(refunded);
            accepted++;
        }
        rejected.sort(Comparator.comparingInt(ConfirmationOutcome.Rejection::index));
        return new ConfirmationOutcome(accepted, duplicates, rejected);
    }

    /**
     * The payer's own number run into the refund number's letters (TK350825…) would travel in plain in PaymentRefunded, as a
     * voucher number would (ConfirmationReader). The refund row names no ID number, so each 18 characters of its shape are
     * compared with the payer's by their person id; any such 18 characters would refuse the tax bureau's real, longer numbers.
     */
    private boolean holdsThePayersIdNumber(String refundNo, String payer) {
        String upper = refundNo.toUpperCase(Locale.ROOT);
        for (int start = 0; start + 18 <= upper.length(); start++) {
            String window = upper.substring(start, start + 18);
            if (ID_NUMBER_SHAPE.matcher(window).matches() && personIds.personId(window).equals(payer)) {
                return true;
            }
        }
        return false;
    }
}
