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
        assertThat(StageRule.judge(novemberFifteenth, 7_500, 10_000))
                .isEqualTo(new StageRule.Outcome(true, new BigDecimal("1000.00"), new BigDecimal("0.00")));
    }

    @Test
    void fallingShortCostsThePenaltyForEveryPointAndItsFractions() {
        StageRule.Outcome outcome = StageRule.judge(novemberFifteenth, 6_632, 10_000);
        assertThat(outcome.met()).isFalse();
        assertThat(outcome.reward()).isEqualByComparingTo("0");
        assertThat(outcome.penalty()).isEqualTo(new BigDecimal("434.00"));
    }

    /** DOMAIN.md: "Stages are judged on the exact rate (33,390 / 66,781 = 0.49999 has NOT reached 50 %)". */
    @Test
    void aRateThatRoundsUpToTheThresholdHasNotReachedIt() {
        CampaignDefined.Stage octoberThirtyFirst = new CampaignDefined.Stage(LocalDate.of(2017, 10, 31), new BigDecimal("0.50"),
                new BigDecimal("500"), new BigDecimal("0"));
        assertThat(StageRule.judge(octoberThirtyFirst, 33_390, 66_781).met()).isFalse();
        assertThat(StageRule.judge(octoberThirtyFirst, 33_391, 66_781).met()).isTrue();
        assertThat(Figures.rate(33_390, 66_781)).isEqualByComparingTo("0.5000");
    }

    /** A campaign that counts whole points: 6.68 points short costs 6 × 50, a part of a point nothing. */
    @Test
    void aCampaignCountingWholePointsChargesOnlyTheFullPointsShort() {
        StageRule.Outcome outcome = StageRule.judge(novemberFifteenth, 6_832, 10_000, CampaignDefined.StageRules.Penalty.WHOLE_POINTS);
        assertThat(outcome.penalty()).isEqualTo(new BigDecimal("300.00"));
    }

    /**
     * 不足1个百分点按1个百分点计: 6.68 points short costs 7 × 50; exactly 6 points short still 6 × 50, and 0.01 of a point
     * a whole 50.
     */
    @Test
    void aCampaignCountingAPartPointAsWholeChargesItInFull() {
        CampaignDefined.StageRules.Penalty roundedUp = CampaignDefined.StageRules.Penalty.WHOLE_POINTS_ROUNDED_UP;

        assertThat(StageRule.judge(novemberFifteenth, 6_832, 10_000, roundedUp).penalty()).isEqualTo(new BigDecimal("350.00"));
        assertThat(StageRule.judge(novemberFifteenth, 6_900, 10_000, roundedUp).penalty()).isEqualTo(new BigDecimal("300.00"));
        assertThat(StageRule.judge(novemberFifteenth, 7_499, 10_000, roundedUp).penalty()).isEqualTo(new BigDecimal("50.00"));
    }
}
