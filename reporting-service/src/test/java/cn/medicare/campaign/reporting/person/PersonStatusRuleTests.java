package cn.medicare.campaign.reporting.person;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.identity.NearBirthRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonStatusRuleTests {

    @Test
    void theFundsPaymentOnAPersonsBehalfIsNamedApartFromTheirOwn() {
        String explained = PersonStatusRule.explain(true, null, yuan("40.00"), yuan("140.00"), "MINIMUM_LIVING", yuan("0.00"),
                yuan("180.00"), yuan("0.00"), true);

        assertThat(explained).isEqualTo("已参保并缴清：应缴40.00元（低保对象资助140.00元），个人已缴0.00元（已扣除退费），医疗救助基金代缴180.00元，"
                + "计入已参保人数 / registered and settled (owes 40.00, paid 0.00 net of refunds and 180.00 by the assistance fund): "
                + "counted as enrolled");
    }

    @Test
    void aWithdrawalDecidesBeforeTheMoney() {
        String explained = PersonStatusRule.explain(true, NearBirthRule.Shown.of(LocalDate.of(2017, 11, 1)), yuan("180.00"), null, null,
                yuan("180.00"), yuan("0.00"), yuan("0.00"), false);

        assertThat(explained).startsWith("已于2017-11-01终止参保").contains("withdrawn on 2017-11-01").doesNotContain("缴清");
    }

    @Test
    void aWithdrawalFromTheBirthIsNamedInEachHalfInItsOwnLanguage() {
        String explained = PersonStatusRule.explain(true, NearBirthRule.Shown.NEAR_BIRTH, yuan("180.00"), null, null,
                yuan("0.00"), yuan("0.00"), yuan("0.00"), false);

        assertThat(explained).startsWith("已于出生之日或其后数日终止参保")
                .contains("/ withdrawn on the day of birth or a few days after: out of the figures");
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }
}
