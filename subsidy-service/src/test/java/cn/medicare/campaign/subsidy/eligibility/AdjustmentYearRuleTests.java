package cn.medicare.campaign.subsidy.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdjustmentYearRuleTests {

    private static final Map<Integer, LocalDate> LIANCHENG = Map.of(
            2018, LocalDate.of(2017, 12, 31), 2019, LocalDate.of(2018, 12, 31));

    @Test
    void aDateWithinACollectionPeriodCountsForThatCampaign() {
        assertThat(AdjustmentYearRule.of(LocalDate.of(2017, 10, 15), LIANCHENG)).isEqualTo(2018);
        assertThat(AdjustmentYearRule.of(LocalDate.of(2017, 12, 31), LIANCHENG)).isEqualTo(2018);
    }

    @Test
    void aDateAfterACollectionPeriodCountsForTheNextKnownCampaign() {
        assertThat(AdjustmentYearRule.of(LocalDate.of(2018, 3, 1), LIANCHENG)).isEqualTo(2019);
    }

    @Test
    void withoutACampaignStillCollectingTheNextCalendarYearIsMeant() {
        assertThat(AdjustmentYearRule.of(LocalDate.of(2019, 3, 1), LIANCHENG)).isEqualTo(2020);
        assertThat(AdjustmentYearRule.of(LocalDate.of(2017, 3, 1), Map.of())).isEqualTo(2018);
    }
}
