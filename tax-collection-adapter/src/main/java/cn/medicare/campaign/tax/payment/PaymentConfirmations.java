package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.tax.levy.Campaigns;
import cn.medicare.campaign.tax.levy.LevyList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 缴费信息回传: stores each new payment, counts it on the levy item and publishes PaymentConfirmed,
 * all in one transaction. A payment for someone not (yet) on the levy list is a real payment
 * too: it is kept and counts once the enrolment arrives (DOMAIN.md).
 */
@Service
class PaymentConfirmations {

    private final Payments payments;
    private final LevyList levyList;
    private final Campaigns campaigns;
    private final PersonIds personIds;
    private final OutboxWriter outbox;

    PaymentConfirmations(Payments payments, LevyList levyList, Campaigns campaigns, PersonIds personIds, OutboxWriter outbox) {
        this.payments = payments;
        this.levyList = levyList;
        this.campaigns = campaigns;
        this.personIds = personIds;
        this.outbox = outbox;
    }

    @Transactional
    ConfirmationOutcome confirm(ConfirmationReader.Rows rows) {
        // first, so that two posts of one voucher are decided one after the other
        levyList.lockForCursorOrder();
        List<ConfirmationOutcome.Rejection> rejected = new ArrayList<>(rows.rejected());
        int accepted = 0;
        int duplicates = 0;
        for (Confirmation confirmation : rows.valid()) {
            if (payments.received(confirmation.voucherNo())) {
                duplicates++;
                continue;
            }
            Optional<InputError> refused = store(confirmation, PaymentSource.WEBHOOK);
            if (refused.isPresent()) {
                rejected.add(new ConfirmationOutcome.Rejection(confirmation.index(), List.of(refused.get())));
                continue;
            }
            accepted++;
        }
        rejected.sort(Comparator.comparingInt(ConfirmationOutcome.Rejection::index));
        return new ConfirmationOutcome(accepted, duplicates, rejected);
    }

    /**
     * Stores a payment not received before, counts it and publishes it; the caller holds the
     * levy list's lock and has checked the voucher is new.
     *
     * @return why it cannot be kept, when its region cannot be told
     */
    Optional<InputError> store(Confirmation confirmation, PaymentSource source) {
        String personId = personIds.personId(confirmation.idNumber());
        Optional<String> region = levyList.regionOf(personId, confirmation.coverageYear())
                .or(() -> onlyCampaignRegion(confirmation.coverageYear()));
        if (region.isEmpty()) {
            return Optional.of(InputError.field("coverageYear", "the person is not on the levy list for " + confirmation.coverageYear()
                    + " and no single campaign of that year tells the region; send it again once the enrolment is here"));
        }
        PaymentConfirmed payment = new PaymentConfirmed(personId, confirmation.coverageYear(), region.get(),
                confirmation.voucherNo(), confirmation.amount(), confirmation.channel(), confirmation.paidAt(), source);
        payments.store(payment, confirmation.idNumber());
        levyList.addPayment(personId, confirmation.coverageYear(), region.get(), confirmation.amount());
        outbox.append(payment);
        return Optional.empty();
    }

    private Optional<String> onlyCampaignRegion(int coverageYear) {
        List<String> regions = campaigns.regionsFor(coverageYear);
        return regions.size() == 1 ? Optional.of(regions.get(0)) : Optional.empty();
    }
}
