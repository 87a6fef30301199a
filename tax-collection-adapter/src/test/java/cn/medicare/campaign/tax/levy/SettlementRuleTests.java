package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Liancheng 2018: 180.00 a person, 低保 140.00 off. Facts are listed in the order they arrived. */
class SettlementRuleTests {

    private static final Instant OCTOBER_1 = Instant.parse("2017-10-01T02:00:00Z");

    private long arrivals;

    @Test
    void moneyMeetsThePayableInForceWhenItWasPaidNotTheOneHeldWhenItArrived() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "40.00", "140.00"), paid(8, "V1", "40.00"),
                assessed(4, "180.00", "0.00"));

        assertThat(SettlementRule.settledPayable(facts)).isNull();
    }

    @Test
    void anOlderPayableArrivingLastStillSettlesWhatWasPaidAgainstIt() {
        List<SettlementRule.Fact> facts = List.of(assessed(19, "180.00", "0.00"), paid(8, "V1", "40.00"),
                assessed(0, "40.00", "140.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("40.00");
    }

    @Test
    void aPayableOfNothingSettlesWithoutMoneyAndAPayableLaterCreatesNoDebt() {
        List<SettlementRule.Fact> facts = List.of(assessed(9, "180.00", "0.00"), assessed(0, "0.00", "180.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("0.00");
    }

    /** 先缴后返: paid in full, then certified; refunding the assistance holds them to the 40.00 when it ends again. */
    @Test
    void refundingTheAssistancePaidBeforeItLowersWhatThePersonIsHeldTo() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                assessed(2, "40.00", "140.00"), paid(3, "R1", "-140.00"), assessed(4, "180.00", "0.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("40.00");
    }

    /**
     * 先缴后返 refunded after the assistance ended (the tax bureau acting on the refund due it was told of while it lasted):
     * held to the 40.00, not asked for the 140.00 again; the assistance ending alone leaves them held to the 180.00 they
     * settled.
     */
    @Test
    void refundingTheAssistanceAfterItEndedHoldsThePersonToWhatTheyOwedWhileAssisted() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                assessed(2, "40.00", "140.00"), assessed(4, "180.00", "0.00"), paid(5, "R1", "-140.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("40.00");
        assertThat(SettlementRule.settledPayable(facts.subList(0, 4))).isEqualByComparingTo("180.00");
    }

    /** A 低保 payable replaced at its own instant by a later arrival was never in force: a refund after it lowers nothing. */
    @Test
    void aPayableReplacedAtItsInstantIsNoLeastPayableForARefund() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                assessed(2, "40.00", "140.00"), assessed(2, "180.00", "0.00"), paid(3, "R1", "-140.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("180.00");
    }

    @Test
    void aRefundThatTakesTheNetBelowAnUnchangedPayableLeavesItTheCap() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"), paid(2, "R1", "-180.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("180.00");
    }

    /** The fund (代缴) paid 160.00 for a 低保 person: 20.00 beyond the subsidy, so 20.00 of their own settles them. */
    @Test
    void theFundsMoneyBeyondTheSubsidyLowersWhatThePersonOwes() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "40.00", "140.00"),
                SettlementRule.Fact.money(at(1), "F1", BigDecimal.ZERO, new BigDecimal("160.00")), paid(2, "V1", "20.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("20.00");
    }

    @Test
    void moneyPaidAtTheInstantOfAnAssessmentMeetsThatAssessment() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "40.00", "140.00"), paid(5, "V1", "40.00"), assessed(5, "180.00", "0.00"));

        assertThat(SettlementRule.settledPayable(facts)).isNull();
    }

    /**
     * Two payables at one instant: the later to arrive stands, as on the item, and the one it replaced was never in force;
     * 40.00 paid before meets whichever came last, whatever order the list holds them in.
     */
    @Test
    void ofTwoPayablesAtOneInstantTheLaterToArriveStands() {
        SettlementRule.Fact paid = paid(0, "V1", "40.00");
        SettlementRule.Fact general = assessed(1, "180.00", "0.00");
        SettlementRule.Fact assisted = assessed(1, "40.00", "140.00");

        assertThat(SettlementRule.settledPayable(List.of(paid, general, assisted))).isEqualByComparingTo("40.00");
        assertThat(SettlementRule.settledPayable(List.of(assisted, paid, general))).isEqualByComparingTo("40.00");

        SettlementRule.Fact assistedFirst = assessed(2, "40.00", "140.00");
        SettlementRule.Fact generalLast = assessed(2, "180.00", "0.00");
        assertThat(SettlementRule.settledPayable(List.of(paid, generalLast, assistedFirst))).isNull();
    }

    /**
     * Paid 180.00, withdrawn and refunded, registered again late (2025's rule: the individual and the fiscal part, 1,070.00):
     * the earlier settlement caps nothing, whatever order the facts arrived in; 1,070.00 paid settles the new registration.
     */
    @Test
    void aRegistrationAfterAWithdrawalIsSettledAnewAgainstWhatItOwes() {
        List<SettlementRule.Fact> refundedThenRegisteredAgain = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                paid(40, "R1", "-180.00"), SettlementRule.Fact.registeredAgain(at(100)), assessed(101, "1070.00", "0.00"));
        List<SettlementRule.Fact> theNewPayableFirst = List.of(assessed(101, "1070.00", "0.00"), assessed(0, "180.00", "0.00"),
                paid(1, "V1", "180.00"), paid(40, "R1", "-180.00"), SettlementRule.Fact.registeredAgain(at(100)));

        assertThat(SettlementRule.settledPayable(refundedThenRegisteredAgain)).isNull();
        assertThat(SettlementRule.settledPayable(theNewPayableFirst)).isNull();
        List<SettlementRule.Fact> paidAgain = new ArrayList<>(refundedThenRegisteredAgain);
        paidAgain.add(paid(102, "V2", "1070.00"));
        assertThat(SettlementRule.settledPayable(paidAgain)).isEqualByComparingTo("1070.00");
    }

    /** The money of the earlier registration not refunded yet settles the new one where it covers the payable then in force. */
    @Test
    void moneyStillHeldSettlesTheNewRegistrationAtThePayableThenInForce() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                assessed(2, "40.00", "140.00"), SettlementRule.Fact.registeredAgain(at(100)));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("40.00");
    }

    /** At the registration's instant the money comes first: a refund then (the store moves a later one of earlier money there) settles nothing. */
    @Test
    void theEarlierRegistrationsMoneyRefundedAtTheRegistrationDoesNotSettleIt() {
        List<SettlementRule.Fact> facts = List.of(SettlementRule.Fact.registeredAgain(at(100)), assessed(0, "180.00", "0.00"),
                paid(1, "V1", "180.00"), paid(100, "R1", "-180.00"), assessed(101, "1070.00", "0.00"));

        assertThat(SettlementRule.settledPayable(facts)).isNull();
    }

    /**
     * A pupil's standard (100.00 here) corrected to the general one after paying: a change of the standard is owed, only one
     * of assistance is held off once settled (DOMAIN.md). An assessment kept before the standard was (V24) moves nothing.
     */
    @Test
    void aRiseOfTheStandardAfterSettlingIsOwed() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "100.00", "0.00", "100.00"), paid(1, "V1", "100.00"),
                assessed(2, "180.00", "0.00", "180.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("180.00");
        assertThat(SettlementRule.settledPayable(List.of(assessed(0, "100.00", "0.00", null), paid(1, "V1", "100.00"),
                assessed(2, "180.00", "0.00", "180.00")))).isEqualByComparingTo("100.00");
    }

    /** 先缴后返 refunded, then the assistance ends as the standard rises by 20.00: the 20.00 is owed, the assistance is not. */
    @Test
    void aRiseOfTheStandardAsTheAssistanceEndsOwesTheRiseAlone() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                assessed(2, "40.00", "140.00"), paid(3, "R1", "-140.00"), assessed(4, "200.00", "0.00", "200.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("60.00");
    }

    /**
     * 特困 pays nothing whatever the standard: a campaign version raising it to 200.00 while they are assisted is no debt
     * once the assistance ends, as reporting holds them (the standard less the largest subsidy since settling).
     */
    @Test
    void aRiseOfTheStandardTheAssistanceTookIsNoDebtOnceItEnds() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "0.00", "180.00"), assessed(1, "0.00", "200.00", "200.00"),
                assessed(2, "200.00", "0.00", "200.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("0.00");
    }

    /**
     * Paid 180.00, certified 低保 (40.00; the 140.00 owed back not refunded yet), the standard raised by 20.00 (60.00), then
     * the assistance ends: held to the 60.00 they owed when the standard rose, as reporting holds them, not the 200.00 the
     * settlement and the rise make.
     */
    @Test
    void aChangeOfTheStandardWhileAssistedHoldsThePersonToNoMoreThanTheyOwedThen() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                assessed(2, "40.00", "140.00"), assessed(3, "60.00", "140.00", "200.00"), assessed(4, "200.00", "0.00", "200.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("60.00");
    }

    /**
     * 低保 paid their 40.00 and lost the assistance (held to the 40.00), then the category was corrected to a pupils' standard
     * of 100.00 and back: held to the 40.00 again, not to what a fall below nothing and the rise after would make.
     */
    @Test
    void aCorrectionOfTheStandardAndItsReversalCancel() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "40.00", "140.00"), paid(1, "V1", "40.00"),
                assessed(2, "180.00", "0.00"), assessed(3, "100.00", "0.00", "100.00"), assessed(4, "180.00", "0.00"));

        assertThat(SettlementRule.settledPayable(facts.subList(0, 4))).isEqualByComparingTo("0.00");
        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("40.00");
    }

    /**
     * Paid 180.00, certified 低保 (40.00), corrected to a pupils' standard of 100.00 (nothing to pay, the 140.00 refunded),
     * the assistance ended (100.00), corrected back to the general standard: held to the 40.00 they owed as 低保, as
     * reporting holds them, not to the 80.00 a move from what they owed as a pupil (never below nothing) would make.
     */
    @Test
    void aChangeOfTheStandardMovesFromWhatWasOwedJustBefore() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                assessed(2, "40.00", "140.00"), assessed(3, "0.00", "100.00", "100.00"), paid(4, "R1", "-140.00"),
                assessed(5, "100.00", "0.00", "100.00"), assessed(6, "180.00", "0.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("40.00");
    }

    /** A payable replaced at its instant by a later arrival was never in force: the standard moves from the one before it. */
    @Test
    void aStandardReplacedAtItsInstantMovesNothing() {
        List<SettlementRule.Fact> facts = List.of(assessed(0, "180.00", "0.00"), paid(1, "V1", "180.00"),
                assessed(2, "0.00", "100.00", "100.00"), assessed(2, "200.00", "0.00", "200.00"));

        assertThat(SettlementRule.settledPayable(facts)).isEqualByComparingTo("200.00");
    }

    /** Assessed from Liancheng's standard, 180.00. */
    private SettlementRule.Fact assessed(int day, String payable, String subsidy) {
        return assessed(day, payable, subsidy, "180.00");
    }

    private SettlementRule.Fact assessed(int day, String payable, String subsidy, String standard) {
        return SettlementRule.Fact.assessed(at(day), ++arrivals, new BigDecimal(payable), new BigDecimal(subsidy),
                standard == null ? null : new BigDecimal(standard));
    }

    private static SettlementRule.Fact paid(int day, String ref, String own) {
        return SettlementRule.Fact.money(at(day), ref, new BigDecimal(own), BigDecimal.ZERO);
    }

    private static Instant at(int day) {
        return OCTOBER_1.plusSeconds(86_400L * day);
    }
}
