package cn.medicare.campaign.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StageRuleTests {

    private final CampaignDefined.Stage novemberFifteenth = new CampaignDefined.Stage(LocalDate.of(2017, 11, 15),
            new BigDecimal("0.75"), new BigDecimal("1000"), new BigDecimal("50"));

    @Test
    void reachingTheThresholdEarnsTheReward() {
        assertThat(StageRule.judge(novemberFifteenth, new BigDecimal("0.7500")))
                .isEqualTo(new StageRule.Outcome(true, new BigDecimal("1000.00"), new BigDecimal("0.00")));
    }

    @Test
    void fallingShortCostsThePenaltyForEveryPointAndItsFractions() {
        StageRule.Outcome outcome = StageRule.judge(novemberFifteenth, new BigDecimal("0.6632"));
        assertThat(outcome.met()).isFalse();
        assertThat(outcome.reward()).isEqualByComparingTo("0");
        assertThat(outcome.penalty()).isEqualTo(new BigDecimal("434.00"));
    }
}
