package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.tax.levy.LevyListService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退费: stores each new refund of a received voucher, takes it off the levy item's paid total and
 * publishes PaymentRefunded, all in one transaction. A voucher is never refunded beyond what was
 * paid on it.
 */
@Service
class RefundService {

    private final PaymentStore payments;
    private final LevyListService levyList;
    private final OutboxWriter outbox;
    private final PersonLocks locks;

    RefundService(PaymentStore payments, LevyListService levyList, OutboxWriter outbox, PersonLocks locks) {
        this.locks = locks;
        this.payments = payments;
        this.levyList = levyList;
        this.outbox = outbox;
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
            PaymentRefunded refunded = new PaymentRefunded(payment.personId(), payment.coverageYear(), payment.region(),
                    refund.voucherNo(), refund.refundNo(), refund.amount(), refund.refundedAt(), FreeText.redact(refund.reason()));
            payments.storeRefund(refunded);
            levyList.subtractRefund(payment.personId(), payment.coverageYear(), refund.amount(),
                    payment.channel() == PaymentChannel.ASSISTANCE_FUND);
            outbox.append(refunded);
            accepted++;
        }
        rejected.sort(Comparator.comparingInt(ConfirmationOutcome.Rejection::index));
        return new ConfirmationOutcome(accepted, duplicates, rejected);
    }
}
