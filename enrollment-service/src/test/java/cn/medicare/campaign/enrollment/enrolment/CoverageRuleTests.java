package cn.medicare.campaign.enrollment.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.fixtures.Liancheng;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CoverageRuleTests {

    private final CampaignDefined campaign = Liancheng.apiExample(2018);

    @Test
    void categoryDefaultsFromAgeAtTheStartOfTheCollectionPeriod() {
        assertThat(CoverageRule.defaultCategory(LocalDate.of(1985, 6, 12), campaign)).isEqualTo(PersonCategory.GENERAL);
        assertThat(CoverageRule.defaultCategory(LocalDate.of(1999, 9, 1), campaign)).isEqualTo(PersonCategory.GENERAL);
        assertThat(CoverageRule.defaultCategory(LocalDate.of(1999, 9, 2), campaign)).isEqualTo(PersonCategory.MINOR);
        assertThat(CoverageRule.defaultCategory(LocalDate.of(2017, 9, 1), campaign)).isEqualTo(PersonCategory.MINOR);
        assertThat(CoverageRule.defaultCategory(LocalDate.of(2017, 9, 2), campaign)).isEqualTo(PersonCategory.NEWBORN);
    }

    @Test
    void enrolledWithinThePeriodIsCoveredFromJanuaryFirst() {
        var coverage = CoverageRule.coverage(LocalDate.of(2017, 12, 31), PersonCategory.GENERAL, LocalDate.of(1985, 6, 12), campaign);
        assertThat(coverage).isEqualTo(new CoverageRule.Coverage(LocalDate.of(2018, 1, 1), 0));
    }

    @Test
    void lateEnrolmentWaitsTheCampaignsWaitingPeriod() {
        var coverage = CoverageRule.coverage(LocalDate.of(2018, 3, 1), PersonCategory.GENERAL, LocalDate.of(1985, 6, 12), campaign);
        assertThat(coverage).isEqualTo(new CoverageRule.Coverage(LocalDate.of(2018, 5, 30), 90));
    }

    @Test
    void newbornsHaveTheirExtensionAndAreCoveredFromBirth() {
        LocalDate born = LocalDate.of(2018, 1, 10);
        assertThat(CoverageRule.coverage(LocalDate.of(2018, 1, 20), PersonCategory.NEWBORN, born, campaign))
                .isEqualTo(new CoverageRule.Coverage(born, 0));
        assertThat(CoverageRule.coverage(LocalDate.of(2018, 1, 20), PersonCategory.GENERAL, LocalDate.of(1985, 6, 12), campaign)
                .waitingPeriodDays()).isEqualTo(90);
    }
}
