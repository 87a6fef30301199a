package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RefundDueRuleTests {

    private static final BigDecimal NONE = BigDecimal.ZERO;

    @Test
    void nothingIsOwedWhileThePayableIsUnknownOrNotExceeded() {
        assertThat(RefundDueRule.owed(null, null, yuan("180.00"), NONE, null, false).isNothing()).isTrue();
        assertThat(RefundDueRule.owed(yuan("180.00"), null, yuan("179.99"), NONE, null, false).isNothing()).isTrue();
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("180.00"), NONE, null, false).isNothing()).isTrue();
    }

    @Test
    void moneyPaidTooLateIsOwedBackAsPaidAndNotRefundedSinceWhereThatIsMore() {
        RefundDueRule.Owed duplicate = RefundDueRule.owed(yuan("180.00"), null, yuan("200.00"), NONE, null, false);
        assertThat(RefundDueRule.orTooLate(duplicate, yuan("200.00"), yuan("200.00")))
                .isEqualTo(new RefundDueRule.Owed(yuan("200.00"), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE));
        assertThat(RefundDueRule.orTooLate(duplicate, yuan("200.00"), yuan("150.00"))).as("the tax bureau refunded 50 of it")
                .isEqualTo(new RefundDueRule.Owed(yuan("150.00"), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE));
        assertThat(RefundDueRule.orTooLate(duplicate, NONE, yuan("200.00"))).as("nothing paid too late").isEqualTo(duplicate);
        assertThat(RefundDueRule.orTooLate(duplicate, yuan("10.00"), yuan("200.00"))).as("less than the duplicate").isEqualTo(duplicate);
    }

    @Test
    void aPaymentBeyondThePayableIsADuplicatePayment() {
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("360.00"), NONE, null, false))
                .isEqualTo(new RefundDueRule.Owed(yuan("180.00"), RefundDueReason.DUPLICATE_PAYMENT));
        assertThat(RefundDueRule.owed(yuan("40.00"), null, yuan("40.01"), NONE, null, false))
                .isEqualTo(new RefundDueRule.Owed(yuan("0.01"), RefundDueReason.DUPLICATE_PAYMENT));
    }

    @Test
    void assistanceAfterSettlingIsOwedBackAndAssistanceEndingAfterSettlingIsNoNewDebt() {
        assertThat(RefundDueRule.owed(yuan("40.00"), yuan("180.00"), yuan("180.00"), NONE, null, false))
                .isEqualTo(new RefundDueRule.Owed(yuan("140.00"), RefundDueReason.ASSISTANCE_AFTER_PAYMENT));
        assertThat(RefundDueRule.owed(yuan("0.00"), yuan("180.00"), yuan("180.00"), NONE, null, false))
                .isEqualTo(new RefundDueRule.Owed(yuan("180.00"), RefundDueReason.ASSISTANCE_AFTER_PAYMENT));
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("40.00"), yuan("40.00"), NONE, null, false).isNothing()).isTrue();
    }

    @Test
    void anApprovedApplicationIsOwedUpToWhatWasPaidAndAWithdrawalAloneOwesNothing() {
        assertThat(RefundDueRule.owed(yuan("40.00"), yuan("40.00"), yuan("40.00"), NONE, null, false).isNothing()).isTrue();
        assertThat(RefundDueRule.owed(yuan("40.00"), yuan("40.00"), yuan("40.00"), yuan("40.00"),
                RefundDueReason.WITHDRAWN_BEFORE_COVERAGE, true))
                .isEqualTo(new RefundDueRule.Owed(yuan("40.00"), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE));
        assertThat(RefundDueRule.owed(yuan("40.00"), yuan("40.00"), yuan("10.00"), yuan("40.00"),
                RefundDueReason.WITHDRAWN_BEFORE_COVERAGE, true))
                .as("after the tax bureau refunded 30 of it").isEqualTo(new RefundDueRule.Owed(yuan("10.00"), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE));
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("360.00"), yuan("180.00"), RefundDueReason.DUPLICATE_PAYMENT, false))
                .isEqualTo(new RefundDueRule.Owed(yuan("180.00"), RefundDueReason.DUPLICATE_PAYMENT));
    }

    /**
     * Approved before coverage for a death (180 paid), then a village collector's second 180 arrives: all 360 is the
     * family's. The larger of the grant and the duplicate owed 180, and once the tax bureau refunded it, nothing.
     */
    @Test
    void aPaymentAfterAnApprovedWithdrawalBeforeCoverageIsOwedBackToo() {
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("360.00"), yuan("180.00"),
                RefundDueReason.WITHDRAWN_BEFORE_COVERAGE, true))
                .isEqualTo(new RefundDueRule.Owed(yuan("360.00"), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE));
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("360.00"), yuan("180.00"),
                RefundDueReason.WITHDRAWN_BEFORE_COVERAGE, false))
                .as("enrolled again (a revoked withdrawal): what it pays now is its contribution")
                .isEqualTo(new RefundDueRule.Owed(yuan("180.00"), RefundDueReason.DUPLICATE_PAYMENT));
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("180.00"), yuan("0.00"),
                RefundDueReason.WITHDRAWN_BEFORE_COVERAGE, true))
                .as("the first 180 refunded").isEqualTo(new RefundDueRule.Owed(yuan("180.00"), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE));
    }

    /**
     * An application approved in November ended the enrolment before coverage, but the person stayed on the roster, paid
     * again and was covered from 1 January; they died in June. A death after the start refunds nothing: the old approval
     * does not grant the second payment.
     */
    @Test
    void anOldApprovalGrantsNothingWhenTheEnrolmentEndedAfterCoverageStarted() {
        LocalDate coverageStart = LocalDate.of(2018, 1, 1);
        assertThat(RefundDueRule.endedBeforeCoverage(true, LocalDate.of(2018, 6, 10), coverageStart)).isFalse();
        assertThat(RefundDueRule.endedBeforeCoverage(true, LocalDate.of(2017, 12, 20), coverageStart)).isTrue();
        assertThat(RefundDueRule.endedBeforeCoverage(true, LocalDate.of(2017, 12, 20), null)).as("coverage never started").isTrue();
        assertThat(RefundDueRule.endedBeforeCoverage(false, null, coverageStart)).isFalse();
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("180.00"), yuan("0.00"), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE,
                RefundDueRule.endedBeforeCoverage(true, LocalDate.of(2018, 6, 10), coverageStart)).isNothing()).isTrue();
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }
}
