package cn.medicare.campaign.tax.levy;

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
        oweBackPartlyPaid(keys, null);
        List<LevyItemStore.AwaitedCoverage> awaitedCoverages = items.takeAwaitedCoverages(keys);
        if (awaitedCoverages.isEmpty()) {
            return;
        }
        Map<PersonYear, LevyItemStore.Turns> turns = items.turns(awaitedCoverages.stream()
                .map(awaited -> new PersonYear(awaited.personId(), awaited.coverageYear())).toList());
        awaitedCoverages.forEach(awaited -> {
            Instant settledAt = turns.getOrDefault(new PersonYear(awaited.personId(), awaited.coverageYear()), LevyItemStore.Turns.NONE)
                    .settled();
            LocalDate settledOn = settledOn(awaited.enrolledOn(), settledAt == null ? null : day(settledAt));
            if (!awaited.coverage().startsWithin(settledOn, awaited.coverageYear())) {
                // owed back by the RefundDue review that follows in the same transaction; still awaited, so that a payment
                // made again after the tax bureau refunded this one is owed back too
                items.oweBackTooLate(awaited.personId(), awaited.coverageYear(), awaited.paidTotal());
                items.awaitCoverageAgain(awaited.personId(), awaited.coverageYear());
                return;
            }
            LocalDate start = awaited.coverage().startOnPayment(settledOn, awaited.coverageYear());
            items.recordStart(awaited.personId(), awaited.coverageYear(), start);
            outbox.append(new CoverageStarted(awaited.personId(), awaited.coverageYear(), awaited.region(), start));
        });
    }

    /**
     * Owes back what these person-years paid where they paid part of what they owe and completing it could no longer start
     * their coverage within the year ({@link #tooLateToComplete}). Call before the RefundDue review, in the transaction that
     * holds the people's locks.
     *
     * @param paymentsKnownThrough null to judge by the days of the person's money alone, as a fact arriving is judged
     *     (event time); else a day every payment made by has been received (the calendar's judgement, {@code LastDayToPayService})
     * @return how many were owed back
     */
    int oweBackPartlyPaid(Collection<PersonYear> keys, LocalDate paymentsKnownThrough) {
        int owedBack = 0;
        for (LevyItemStore.AwaitedCoverage partly : items.partlyPaidAwaitingCoverage(keys)) {
            if (tooLateToComplete(partly, paymentsKnownThrough)) {
                items.oweBackTooLate(partly.personId(), partly.coverageYear(), partly.paidTotal());
                owedBack++;
            }
        }
        return owedBack;
    }

    /**
     * Whether what completes the payable would start nothing within the year: it comes after the last payment and refund,
     * and, where {@code paymentsKnownThrough} is given, after that day too, none having come by then.
     */
    boolean tooLateToComplete(LevyItemStore.AwaitedCoverage partly, LocalDate paymentsKnownThrough) {
        LocalDate completedOn = paymentsKnownThrough == null || paymentsKnownThrough.isBefore(partly.lastPaidOn()) ? partly.lastPaidOn()
                : paymentsKnownThrough.plusDays(1);
        return !partly.coverage().startsWithin(settledOn(partly.enrolledOn(), completedOn), partly.coverageYear());
    }

    /**
     * Takes back the announced starts of these person-years that money taken back before the start left unpaid; call before
     * {@link #review}, which announces the start anew from the payment that settles them now, if one does. Only a refund
     * takes a start back, and only one before the start: money taken back on or after it leaves it, the person covered from
     * it, and so does a settlement judged again by event time without a refund (docs/domain.md, "Coverage at payment").
     * Those unpaid now are judged by their last refund. Those paid now, by the order their money moved in, whatever order
     * it was told in: a payment made after the refund and received before it left them paid when the refund came, yet
     * unpaid from the refund to that payment, from which their start counts; a refund that left them paid (a duplicate, or
     * the part a 低保 certified after paying is owed back) is no turn and takes nothing back.
     */
    void takeBackUnpaid(Collection<PersonYear> keys) {
        List<LevyItemStore.RevokedCoverage> revoked = new ArrayList<>(items.takeRevokedCoverages(keys));
        List<LevyItemStore.AnnouncedCoverage> paid = items.paidWithARefundBeforeTheStart(keys);
        if (!paid.isEmpty()) {
            Map<PersonYear, LevyItemStore.Turns> turns = items.turns(paid.stream().map(LevyItemStore.AnnouncedCoverage::key).toList());
            revoked.addAll(items.takeBackStarts(paid.stream()
                    .filter(start -> paidAgainSinceARefundBeforeTheStart(start, turns.getOrDefault(start.key(), LevyItemStore.Turns.NONE)))
                    .map(LevyItemStore.AnnouncedCoverage::key).toList()));
        }
        revoked.forEach(start -> outbox.append(new CoverageRevoked(start.personId(), start.coverageYear(), start.region(),
                start.coverageStart())));
    }

    /** The last refund that left the person unpaid came before the start, and the payment that settled them since starts another. */
    private boolean paidAgainSinceARefundBeforeTheStart(LevyItemStore.AnnouncedCoverage announced, LevyItemStore.Turns turns) {
        Instant unsettled = turns.unsettled();
        Instant settled = turns.settled();
        return unsettled != null && day(unsettled).isBefore(announced.start()) && settled != null && settled.isAfter(unsettled)
                && !announced.start().equals(startOn(announced.coverage(), day(settled)));
    }

    private LocalDate startOn(LevyItemStore.AwaitedCoverage coverage, LocalDate paidOn) {
        return coverage.coverage().startOnPayment(settledOn(coverage.enrolledOn(), paidOn), coverage.coverageYear());
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(BusinessTime.ZONE).toLocalDate();
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
