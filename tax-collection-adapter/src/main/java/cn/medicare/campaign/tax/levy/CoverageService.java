package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.events.CoverageRevoked;
import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * 待遇享受起始: where a person's coverage starts at payment (缴费之日 / 缴费次日, plus any waiting
 * period), the adapter sees the settlement first, so it derives the start with the campaign
 * engine's rule and announces it as CoverageStarted, once, and again after a CoverageRevoked.
 * Coverage never starts after 31 December of its year (DOMAIN.md): a payment made after the last day
 * that still covers within the year (the levy list's {@code payBy}) starts nothing, and what the
 * person paid is owed back to them, part of the payable as well as all of it. A start announced is
 * taken back (CoverageRevoked) when a refund before it leaves the person, not withdrawn, no longer
 * paid: coverage waits for their payment again, and paying anew announces a new start.
 */
@Service
class CoverageService {

    private final LevyItemStore items;
    private final OutboxWriter outbox;
    private final Clock clock;

    CoverageService(LevyItemStore items, OutboxWriter outbox, Clock clock) {
        this.items = items;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call inside the transaction that changed the items, after their settlement was judged. */
    void review(Collection<PersonYear> keys) {
        // part of what is owed, paid after the last day: completing it would start nothing, so what was paid is owed back now
        items.partlyPaidAwaitingCoverage(keys).forEach(partly -> {
            if (!partly.coverage().startsWithin(settledOn(partly.enrolledOn(), partly.lastPaidOn()), partly.coverageYear())) {
                items.applyRefund(partly.personId(), partly.coverageYear(), partly.paidTotal(), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE);
            }
        });
        List<LevyItemStore.AwaitedCoverage> awaitedCoverages = items.takeAwaitedCoverages(keys);
        if (awaitedCoverages.isEmpty()) {
            return;
        }
        Map<PersonYear, Instant> settling = items.settlingMoments(awaitedCoverages.stream()
                .map(awaited -> new PersonYear(awaited.personId(), awaited.coverageYear())).toList());
        awaitedCoverages.forEach(awaited -> {
            Instant settledAt = settling.get(new PersonYear(awaited.personId(), awaited.coverageYear()));
            LocalDate settledOn = settledOn(awaited.enrolledOn(), settledAt == null ? null : settledAt.atZone(BusinessTime.ZONE).toLocalDate());
            if (!awaited.coverage().startsWithin(settledOn, awaited.coverageYear())) {
                // owed back by the RefundDue review that follows in the same transaction; still awaited, so that a payment
                // made again after the tax bureau refunded this one is owed back too
                items.applyRefund(awaited.personId(), awaited.coverageYear(), awaited.paidTotal(), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE);
                items.awaitCoverageAgain(awaited.personId(), awaited.coverageYear());
                return;
            }
            LocalDate start = awaited.coverage().startOnPayment(settledOn, awaited.coverageYear());
            items.recordStart(awaited.personId(), awaited.coverageYear(), start);
            outbox.append(new CoverageStarted(awaited.personId(), awaited.coverageYear(), awaited.region(), start));
        });
    }

    /**
     * Takes back the announced starts of these person-years that the refund just applied left no longer paid, that refund
     * made before the start; call before {@link #review}, which announces the start anew for those paid. Only a refund:
     * money paid never un-settles anyone, and a settlement judged again by event time keeps the start announced
     * (docs/domain.md, "Coverage at payment"). By event time, too: a payment made after the refund and received before it
     * left the person paid when the refund came, but unpaid from the refund to that payment, from which their start now
     * counts; the order the two arrived in changes nothing.
     */
    void takeBackUnpaid(Collection<PersonYear> keys) {
        List<LevyItemStore.RevokedCoverage> revoked = new ArrayList<>(items.takeRevokedCoverages(keys));
        List<LevyItemStore.AnnouncedCoverage> paidAgain = items.announcedAndPaidAfterARefund(keys);
        if (!paidAgain.isEmpty()) {
            Map<PersonYear, Instant> settling = items.settlingMoments(paidAgain.stream()
                    .map(announced -> new PersonYear(announced.personId(), announced.coverageYear())).toList());
            revoked.addAll(items.takeBackStarts(paidAgain.stream().filter(announced -> {
                Instant settledAt = settling.get(new PersonYear(announced.personId(), announced.coverageYear()));
                LocalDate settledOn = settledOn(announced.enrolledOn(),
                        settledAt == null ? null : settledAt.atZone(BusinessTime.ZONE).toLocalDate());
                return !announced.coverageStart().equals(announced.coverage().startOnPayment(settledOn, announced.coverageYear()));
            }).map(announced -> new PersonYear(announced.personId(), announced.coverageYear())).toList()));
        }
        revoked.forEach(start -> outbox.append(new CoverageRevoked(start.personId(), start.coverageYear(), start.region(),
                start.coverageStart())));
    }

    /**
     * The day that stands for the payment (the one that settled; for someone partly paid, the last): never before the
     * enrolment it settles (money paid before a registration, or before an enrolment after a withdrawal, starts nothing
     * earlier); for someone fully assisted, who settles at registration (DOMAIN.md), the enrolment's day.
     */
    private LocalDate settledOn(LocalDate enrolledOn, LocalDate paidOn) {
        if (paidOn == null) {
            return enrolledOn != null ? enrolledOn : BusinessTime.today(clock);
        }
        return enrolledOn != null && enrolledOn.isAfter(paidOn) ? enrolledOn : paidOn;
    }
}
