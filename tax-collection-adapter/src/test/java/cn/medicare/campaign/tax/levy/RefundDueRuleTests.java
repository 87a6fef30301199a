package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RefundDueRuleTests {

    @Test
    void nothingIsOwedWhileThePayableIsUnknownOrNotExceeded() {
        assertThat(RefundDueRule.owed(null, null, yuan("180.00"), false).isNothing()).isTrue();
        assertThat(RefundDueRule.owed(yuan("180.00"), null, yuan("179.99"), false).isNothing()).isTrue();
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("180.00"), false).isNothing()).isTrue();
    }

    @Test
    void aPaymentBeyondThePayableIsADuplicatePayment() {
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("180.00"), yuan("360.00"), false))
                .isEqualTo(new RefundDueRule.Owed(yuan("180.00"), RefundDueReason.DUPLICATE_PAYMENT));
        assertThat(RefundDueRule.owed(yuan("40.00"), null, yuan("40.01"), false))
                .isEqualTo(new RefundDueRule.Owed(yuan("0.01"), RefundDueReason.DUPLICATE_PAYMENT));
    }

    @Test
    void assistanceAfterSettlingIsOwedBackAndAssistanceEndingAfterSettlingIsNoNewDebt() {
        assertThat(RefundDueRule.owed(yuan("40.00"), yuan("180.00"), yuan("180.00"), false))
                .isEqualTo(new RefundDueRule.Owed(yuan("140.00"), RefundDueReason.ASSISTANCE_AFTER_PAYMENT));
        assertThat(RefundDueRule.owed(yuan("0.00"), yuan("180.00"), yuan("180.00"), false))
                .isEqualTo(new RefundDueRule.Owed(yuan("180.00"), RefundDueReason.ASSISTANCE_AFTER_PAYMENT));
        assertThat(RefundDueRule.owed(yuan("180.00"), yuan("40.00"), yuan("40.00"), false).isNothing()).isTrue();
    }

    @Test
    void aWithdrawnPersonYearIsOwedEverythingPaidNet() {
        assertThat(RefundDueRule.owed(yuan("40.00"), yuan("40.00"), yuan("40.00"), true))
                .isEqualTo(new RefundDueRule.Owed(yuan("40.00"), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE));
        assertThat(RefundDueRule.owed(null, null, new BigDecimal("0"), true).isNothing()).isTrue();
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }
}
