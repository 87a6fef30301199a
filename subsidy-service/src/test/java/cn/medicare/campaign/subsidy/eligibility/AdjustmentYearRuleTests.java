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

    /** Lishi 2023 collects until 25 December 2022: a certification of the 28th is for 2024, whose campaign is not known yet. */
    @Test
    void aDateAfterAPeriodEndingBeforeTheYearsEndCountsForTheYearAfterIt() {
        Map<Integer, LocalDate> lishi = Map.of(2023, LocalDate.of(2022, 12, 25));

        assertThat(AdjustmentYearRule.of(LocalDate.of(2022, 12, 25), lishi)).isEqualTo(2023);
        assertThat(AdjustmentYearRule.of(LocalDate.of(2022, 12, 28), lishi)).isEqualTo(2024);
    }
}
