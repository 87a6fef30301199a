package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.tax.levy.CampaignStore;
import cn.medicare.campaign.tax.levy.LevyListService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 缴费信息回传: stores each new payment, counts it on the levy item and publishes PaymentConfirmed,
 * all in one transaction. A payment for someone not (yet) on the levy list is a real payment
 * too: it is kept and counts once the enrolment arrives (DOMAIN.md). Where its county cannot be
 * told because a campaign or enrolment has not been consumed yet, the whole request is answered
 * 503 and nothing is applied; only a county that cannot be told with everything consumed is the
 * row's fault.
 */
@Service
class PaymentConfirmationService {

    private final PaymentStore payments;
    private final LevyListService levyList;
    private final CampaignStore campaigns;
    private final PersonIds personIds;
    private final OutboxWriter outbox;
    private final ConsumerProgress progress;
    private final PersonLocks locks;

    PaymentConfirmationService(PaymentStore payments, LevyListService levyList, CampaignStore campaigns, PersonIds personIds, OutboxWriter outbox,
            ConsumerProgress progress, PersonLocks locks) {
        this.locks = locks;
        this.payments = payments;
        this.levyList = levyList;
        this.campaigns = campaigns;
        this.personIds = personIds;
        this.outbox = outbox;
        this.progress = progress;
    }

    @Transactional
    ConfirmationOutcome confirm(ConfirmationReader.Rows rows) {
        // first, so that two posts of one voucher (one payer) are decided one after the other
        locks.lock(rows.valid().stream().map(confirmation -> personIds.personId(confirmation.idNumber())).toList());
        List<ConfirmationOutcome.Rejection> rejected = new ArrayList<>(rows.rejected());
        int accepted = 0;
        int duplicates = 0;
        ConsumerProgress.CaughtUp consumed = progress.forOneRequest();
        for (Confirmation confirmation : rows.valid()) {
            if (payments.received(confirmation.voucherNo())) {
                duplicates++;
                continue;
            }
            Optional<InputError> refused = store(confirmation, PaymentSource.WEBHOOK, consumed);
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
     * No campaign of the year: the next year's campaign (or the first one) may still be in
     * enrollment-service's outbox, where the topic cannot show it; any other may still be on the
     * topic. Several: the enrolment that tells them apart may still be on the topic.
     */
    private boolean mayBeOnItsWay(int year, List<String> regions, ConsumerProgress.CaughtUp consumed) {
        if (regions.isEmpty()) {
            return campaigns.latestYear().map(latest -> year == latest + 1).orElse(true) || !consumed.caughtUp(Topics.CAMPAIGN);
        }
        return !consumed.caughtUp(Topics.ROSTER);
    }

    /** What the request's rows need to know of the consumer's progress, asked of the broker once per request. */
    ConsumerProgress.CaughtUp progressForOneRequest() {
        return progress.forOneRequest();
    }

    /**
     * Stores a payment not received before, counts it and publishes it; the caller holds the
     * payer's lock ({@link PersonLocks}) and has checked the voucher is new.
     *
     * @return why it cannot be kept, when its region cannot be told with every campaign and enrolment consumed
     * @throws ApiException 503 when the campaign or enrolment that would tell the region may not have been consumed yet;
     *         the caller's transaction rolls back, so nothing of the request is applied
     */
    Optional<InputError> store(Confirmation confirmation, PaymentSource source, ConsumerProgress.CaughtUp consumed) {
        String personId = personIds.personId(confirmation.idNumber());
        int year = confirmation.coverageYear();
        Optional<String> region = countyOf(personId, year);
        if (region.isEmpty()) {
            if (mayBeOnItsWay(year, campaigns.regionsFor(year), consumed)) {
                throw ApiException.notYetKnown("本服务尚未收到判定缴费所属县所需的参保方案或参保登记，本次请求未处理，请稍后重新发送 "
                        + "(this service has not yet received the campaign or enrolment that tells a payment's county; "
                        + "nothing was applied: send the whole request again shortly)",
                        List.of(InputError.field("coverageYear", "等待该年度的参保方案或参保登记 (waits for the campaign or enrolment of that year)")));
            }
            // caught up as the broker answered just now, perhaps after the reads above: read what was consumed meanwhile
            region = countyOf(personId, year);
        }
        if (region.isEmpty()) {
            return Optional.of(InputError.field("coverageYear", campaigns.regionsFor(year).isEmpty()
                    ? "该年度没有参保缴费方案 (no campaign runs for " + year + ")"
                    : "缴费人未登记参保，且该年度有多个县的方案，无法确定所属县 (the payer is not enrolled for " + year
                            + " and several counties run a campaign that year, so the county cannot be told)"));
        }
        PaymentConfirmed payment = new PaymentConfirmed(personId, confirmation.coverageYear(), region.get(),
                confirmation.voucherNo(), confirmation.amount(), confirmation.channel(), confirmation.paidAt(), source);
        payments.store(payment, confirmation.idNumber());
        levyList.addPayment(personId, confirmation.coverageYear(), region.get(), confirmation.amount(),
                confirmation.paidAt().atZone(BusinessTime.ZONE).toLocalDate(), confirmation.channel() == PaymentChannel.ASSISTANCE_FUND);
        outbox.append(payment);
        return Optional.empty();
    }

    /** The payer's county: their levy item of the year, else last year's (续保), else the only county with a campaign that year. */
    private Optional<String> countyOf(String personId, int year) {
        Optional<String> region = levyList.regionOf(personId, year).or(() -> levyList.regionOf(personId, year - 1));
        if (region.isPresent()) {
            return region;
        }
        List<String> regions = campaigns.regionsFor(year);
        return regions.size() == 1 ? Optional.of(regions.get(0)) : Optional.empty();
    }
}
