package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LevyStatusTests {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    @Test
    void isPendingUntilThePayableAmountIsKnownEvenIfSomethingWasPaid() {
        assertThat(LevyStatus.of(null, NOTHING, false)).isEqualTo(LevyStatus.PENDING_ASSESSMENT);
        assertThat(LevyStatus.of(null, yuan("180.00"), false)).isEqualTo(LevyStatus.PENDING_ASSESSMENT);
    }

    @Test
    void followsConfirmedPaymentsAgainstThePayableAmount() {
        assertThat(LevyStatus.of(yuan("180.00"), NOTHING, false)).isEqualTo(LevyStatus.UNPAID);
        assertThat(LevyStatus.of(yuan("180.00"), yuan("0.01"), false)).isEqualTo(LevyStatus.PARTIALLY_PAID);
        assertThat(LevyStatus.of(yuan("180.00"), yuan("179.99"), false)).isEqualTo(LevyStatus.PARTIALLY_PAID);
        assertThat(LevyStatus.of(yuan("180.00"), yuan("180.00"), false)).isEqualTo(LevyStatus.PAID);
        assertThat(LevyStatus.of(yuan("40.00"), yuan("180.00"), false)).isEqualTo(LevyStatus.PAID);
    }

    @Test
    void comparesAmountsByValueNotByScale() {
        assertThat(LevyStatus.of(yuan("180.00"), new BigDecimal("180"), false)).isEqualTo(LevyStatus.PAID);
    }

    @Test
    void fullAssistanceIsSettledWithoutAPayment() {
        assertThat(LevyStatus.of(NOTHING, NOTHING, false)).isEqualTo(LevyStatus.PAID);
    }

    @Test
    void aWithdrawalOverridesEverything() {
        assertThat(LevyStatus.of(yuan("180.00"), yuan("180.00"), true)).isEqualTo(LevyStatus.WITHDRAWN);
        assertThat(LevyStatus.of(null, NOTHING, true)).isEqualTo(LevyStatus.WITHDRAWN);
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }
}
