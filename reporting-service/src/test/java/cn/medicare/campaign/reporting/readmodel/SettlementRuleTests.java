package cn.medicare.campaign.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.reporting.readmodel.SettlementRule.Fact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SettlementRuleTests {

    private static final Instant ENROLLED = Instant.parse("2017-10-09T02:00:00Z");
    private static final Instant CERTIFIED = Instant.parse("2017-10-12T02:00:00Z");
    private static final Instant PAID = Instant.parse("2017-10-20T02:00:00Z");
    private static final Instant EXITED = Instant.parse("2017-11-05T02:00:00Z");
    private static final Instant LATER = Instant.parse("2017-12-01T02:00:00Z");

    @Test
    void nobodyIsSettledWithoutAPayableOrWithoutEnoughMoney() {
        assertThat(SettlementRule.of(List.of(Fact.paid(PAID, yuan("180"))))).isNull();
        assertThat(SettlementRule.of(List.of(assessed(ENROLLED, yuan("180")), Fact.paid(PAID, yuan("100"))))).isNull();
    }

    @Test
    void fullAssistanceIsSettledWithoutMoney() {
        assertThat(SettlementRule.of(List.of(assessed(ENROLLED, yuan("0")))))
                .isEqualTo(new SettlementRule.Settlement(yuan("0"), ENROLLED));
    }

    @Test
    void moneyPaidBeforeThePayableWasKnownSettlesWhenItIsKnown() {
        List<Fact> facts = List.of(Fact.paid(ENROLLED.minusSeconds(60), yuan("40")), assessed(ENROLLED, yuan("180")),
                assessed(CERTIFIED, yuan("40")));
        assertThat(SettlementRule.of(facts).payable()).isEqualByComparingTo("40");
        assertThat(SettlementRule.of(facts).at()).as("settled when the payable fell to what was paid").isEqualTo(CERTIFIED);
    }

    /** 低保 certified, 40 paid, then taken off the list: the settled resident owes nothing more. */
    @Test
    void anEndOfAssistanceAfterSettlementCreatesNoNewDebtWhateverTheOrderOfArrival() {
        List<Fact> facts = new ArrayList<>(List.of(assessed(ENROLLED, yuan("180")), assessed(CERTIFIED, yuan("40")),
                Fact.paid(PAID, yuan("40")), assessed(EXITED, yuan("180"))));
        Random random = new Random(2018);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(facts, random);
            assertThat(SettlementRule.of(facts).payable()).as("order %s", facts).isEqualByComparingTo("40");
            assertThat(SettlementRule.of(facts).at()).as("order %s", facts).isEqualTo(PAID);
        }
    }

    @Test
    void moneyPaidAfterTheAssistanceEndedMustCoverTheFullAmount() {
        List<Fact> facts = List.of(assessed(ENROLLED, yuan("180")), assessed(CERTIFIED, yuan("40")),
                assessed(EXITED, yuan("180")), Fact.paid(LATER, yuan("40")));
        assertThat(SettlementRule.of(facts)).isNull();
    }

    @Test
    void assistanceAfterSettlementLowersWhatTheResidentIsHeldTo() {
        List<Fact> facts = List.of(assessed(ENROLLED, yuan("180")), Fact.paid(PAID, yuan("180")),
                assessed(LATER, yuan("40")));
        assertThat(SettlementRule.of(facts).payable()).isEqualByComparingTo("40");
        assertThat(SettlementRule.of(facts).at()).as("the first settlement, not the fall").isEqualTo(PAID);
    }

    @Test
    void aRefundCountsAgainstTheMoneyPaid() {
        List<Fact> facts = List.of(assessed(ENROLLED, yuan("180")), Fact.paid(PAID, yuan("180")),
                Fact.paid(PAID.minusSeconds(1), yuan("180")), Fact.paid(LATER, yuan("-180")));
        assertThat(SettlementRule.of(facts).payable()).isEqualByComparingTo("180");
    }

    /**
     * Settled at 180, withdrawn and refunded, registered again later and assessed 1,070 (late, with the fiscal part): the
     * earlier settlement caps nothing, whatever order the facts are listed in; 1,070 paid settles the new registration then.
     */
    @Test
    void aRegistrationAfterAWithdrawalIsSettledAnew() {
        Instant registeredAgain = Instant.parse("2018-03-05T01:00:00Z");
        List<Fact> facts = new ArrayList<>(List.of(assessed(ENROLLED, yuan("180")), Fact.paid(PAID, yuan("180")),
                Fact.paid(EXITED, yuan("-180")), Fact.registeredAgain(registeredAgain), assessed(registeredAgain.plusSeconds(1), yuan("1070"))));
        Collections.reverse(facts);
        assertThat(SettlementRule.of(facts)).isNull();

        facts.add(Fact.paid(registeredAgain.plusSeconds(60), yuan("1070")));
        assertThat(SettlementRule.of(facts)).isEqualTo(new SettlementRule.Settlement(yuan("1070"), registeredAgain.plusSeconds(60)));
    }

    /** Money not refunded yet settles the new registration at once where it covers the payable in force then. */
    @Test
    void moneyStillHeldSettlesARegistrationAfterAWithdrawalWhenItComes() {
        List<Fact> facts = List.of(assessed(ENROLLED, yuan("180")), Fact.paid(PAID, yuan("180")), Fact.registeredAgain(LATER));

        assertThat(SettlementRule.of(facts)).isEqualTo(new SettlementRule.Settlement(yuan("180"), LATER));
    }

    /** At the registration's instant the money comes first: a refund then (the store moves a later one of earlier money there) settles nothing. */
    @Test
    void theEarlierRegistrationsMoneyRefundedAtTheRegistrationDoesNotSettleIt() {
        List<Fact> facts = List.of(Fact.registeredAgain(LATER), assessed(ENROLLED, yuan("180")), Fact.paid(PAID, yuan("180")),
                Fact.paid(LATER, yuan("-180")));

        assertThat(SettlementRule.of(facts)).isNull();
    }

    /**
     * A pupil assessed at a pupils' standard (100 here) paid it and was corrected to the general standard (180): only a change
     * of assistance is held off once settled (DOMAIN.md), so they are held to 180. Certified 低保 (40 to pay), then corrected
     * back to the pupils' standard (20 to pay), they are held to the 40 less the 80 the standard fell: never below nothing.
     */
    @Test
    void aChangeOfTheStandardAfterSettlingMovesWhatThePersonIsHeldTo() {
        List<Fact> facts = new ArrayList<>(List.of(Fact.assessed(ENROLLED, yuan("100"), yuan("100")), Fact.paid(PAID, yuan("100")),
                Fact.assessed(PAID.plusSeconds(86_400), yuan("180"), yuan("180"))));

        assertThat(SettlementRule.of(facts)).isEqualTo(new SettlementRule.Settlement(yuan("180"), PAID));

        facts.add(Fact.assessed(EXITED, yuan("40"), yuan("180")));
        facts.add(Fact.assessed(LATER, yuan("20"), yuan("100")));
        assertThat(SettlementRule.of(facts).payable()).isEqualByComparingTo("0");
    }

    /**
     * 低保 paid their 40 and lost the assistance (held to the 40), then the category was corrected to a pupils' standard of 100
     * and back: held to the 40 again, as the figures as of a moment hold them, not to what a fall below nothing and the rise
     * after would make.
     */
    @Test
    void aCorrectionOfTheStandardAndItsReversalCancel() {
        List<Fact> facts = List.of(assessed(ENROLLED, yuan("40")), Fact.paid(PAID, yuan("40")), assessed(EXITED, yuan("180")),
                Fact.assessed(LATER, yuan("100"), yuan("100")), Fact.assessed(LATER.plusSeconds(86_400), yuan("180"), yuan("180")));

        assertThat(SettlementRule.of(facts.subList(0, 4)).payable()).isEqualByComparingTo("0");
        assertThat(SettlementRule.of(facts).payable()).isEqualByComparingTo("40");
    }

    /** Assessed from Liancheng's standard, 180: the payable moves with assistance alone. */
    private static Fact assessed(Instant at, BigDecimal payable) {
        return Fact.assessed(at, payable, yuan("180"));
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount).setScale(2);
    }
}
