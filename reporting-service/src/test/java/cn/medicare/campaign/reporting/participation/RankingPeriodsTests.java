package cn.medicare.campaign.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.fixtures.Taixing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingPeriodsTests {

    private static final BigDecimal YUAN = new BigDecimal("180");
    private final CampaignDefined campaign = new CampaignDefined("350825", "连城县", 2018, 1,
            new CampaignDefined.Period(LocalDate.of(2017, 9, 1), LocalDate.of(2017, 12, 31)),
            List.of(new CampaignDefined.Extension(PersonCategory.NEWBORN, LocalDate.of(2018, 1, 31))),
            new CampaignDefined.Contributions(YUAN, YUAN, YUAN, YUAN, YUAN), YUAN, List.of(), new BigDecimal("0.98"), List.of(), 90);

    @Test
    void halfMonthsRunFromThePeriodStartToTheLastExtension() {
        assertThat(TownshipRankings.periodEnds(campaign, TownshipRankings.Period.HALF_MONTHLY, LocalDate.of(2026, 11, 22)))
                .hasSize(10).startsWith(LocalDate.of(2017, 9, 15), LocalDate.of(2017, 9, 30)).endsWith(LocalDate.of(2018, 1, 31));
        assertThat(TownshipRankings.periodEnds(campaign, TownshipRankings.Period.MONTHLY, LocalDate.of(2026, 11, 22)))
                .containsExactly(LocalDate.of(2017, 9, 30), LocalDate.of(2017, 10, 31), LocalDate.of(2017, 11, 30),
                        LocalDate.of(2017, 12, 31), LocalDate.of(2018, 1, 31));
    }

    /** Taixing 2022: students pay from Sept 1, everyone else from Oct 1; September is ranked (and reported) too. */
    @Test
    void aCategoryThatPaysBeforeThePeriodOpensStartsTheRankings() {
        CampaignDefined taixing = Taixing.campaign2022();

        assertThat(TownshipRankings.periodEnds(taixing, TownshipRankings.Period.HALF_MONTHLY, LocalDate.of(2021, 10, 20)))
                .containsExactly(LocalDate.of(2021, 9, 15), LocalDate.of(2021, 9, 30), LocalDate.of(2021, 10, 15));
        assertThat(taixing.firstCollectionDay()).isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(taixing.lastCollectionDay()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(campaign.lastCollectionDay()).as("Liancheng's newborns' extension").isEqualTo(LocalDate.of(2018, 1, 31));
    }

    @Test
    void onlyPeriodsThatHaveEndedSoFarAreRanked() {
        assertThat(TownshipRankings.periodEnds(campaign, TownshipRankings.Period.HALF_MONTHLY, LocalDate.of(2017, 10, 20)))
                .containsExactly(LocalDate.of(2017, 9, 15), LocalDate.of(2017, 9, 30), LocalDate.of(2017, 10, 15));
    }
}
