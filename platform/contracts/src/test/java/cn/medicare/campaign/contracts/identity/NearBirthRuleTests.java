package cn.medicare.campaign.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public bounds of a birth a date is judged near: each one moves the 21 days, and none of them is the birth itself. */
class NearBirthRuleTests {

    private static final String COUNTY_ALONE = "350825************";
    private static final String SIX_PLUS_ONE = "350825***********7";
    private static final LocalDate FIRST_COLLECTION_DAY = LocalDate.of(2017, 9, 1);

    @Test
    void theBirthDateItselfIsAlwaysNear() {
        LocalDate birth = LocalDate.of(2018, 7, 20);
        assertThat(NearBirthRule.near(birth, birth, List.of(), FIRST_COLLECTION_DAY, COUNTY_ALONE, List.of())).isTrue();
        assertThat(NearBirthRule.near(birth.plusDays(1), birth, List.of(), FIRST_COLLECTION_DAY, COUNTY_ALONE, List.of()))
                .as("mid-year, 200 days from 1 January").isFalse();
    }

    @Test
    void theDaysCountFromTheLatestPublicBound() {
        LocalDate birth = LocalDate.of(2018, 1, 3);
        assertThat(NearBirthRule.near(LocalDate.of(2018, 1, 21), birth, List.of(), FIRST_COLLECTION_DAY, COUNTY_ALONE, List.of())).isTrue();
        assertThat(NearBirthRule.near(LocalDate.of(2018, 1, 22), birth, List.of(), FIRST_COLLECTION_DAY, COUNTY_ALONE, List.of())).isFalse();
        // born after the collection period opened (a NEWBORN of the next year), and after the mask's threshold
        LocalDate september = LocalDate.of(2017, 9, 5);
        assertThat(NearBirthRule.near(LocalDate.of(2017, 9, 22), september, List.of(FIRST_COLLECTION_DAY), FIRST_COLLECTION_DAY,
                COUNTY_ALONE, List.of())).isTrue();
        assertThat(NearBirthRule.near(LocalDate.of(2017, 9, 23), september, List.of(FIRST_COLLECTION_DAY), FIRST_COLLECTION_DAY,
                COUNTY_ALONE, List.of())).isFalse();
        LocalDate afterTheThreshold = LocalDate.of(2016, 9, 5);
        assertThat(NearBirthRule.near(LocalDate.of(2016, 9, 22), afterTheThreshold, List.of(), FIRST_COLLECTION_DAY, COUNTY_ALONE, List.of()))
                .isTrue();
        assertThat(NearBirthRule.near(LocalDate.of(2016, 9, 22), afterTheThreshold, List.of(), FIRST_COLLECTION_DAY, SIX_PLUS_ONE, List.of()))
                .as("beside a 6+1 mask the threshold bounds nothing from below: 221 days from 1 January, past by September").isFalse();
        // a NEWBORN enrolled on 1 June within its 90 days was born on or after 3 March
        LocalDate march = LocalDate.of(2022, 3, 10);
        assertThat(NearBirthRule.near(LocalDate.of(2022, 3, 23), march, List.of(), FIRST_COLLECTION_DAY, COUNTY_ALONE, List.of(LocalDate.of(2022, 3, 3))))
                .isTrue();
        assertThat(NearBirthRule.near(LocalDate.of(2022, 3, 24), march, List.of(), FIRST_COLLECTION_DAY, COUNTY_ALONE, List.of(LocalDate.of(2022, 3, 3))))
                .isFalse();
        assertThat(NearBirthRule.near(LocalDate.of(2022, 3, 14), march, List.of(), FIRST_COLLECTION_DAY, COUNTY_ALONE, List.of(LocalDate.of(2022, 3, 12))))
                .as("a window's day after the birth: enrolled after the window, it bounds nothing from below").isFalse();
    }

    @Test
    void aWindowInMonthsBoundsTheEventByTheDayItStillHolds() {
        var months = new CampaignDefined.SpecialCaseRule(SpecialCase.NEWBORN, null, 1, null, CoverageFrom.EVENT_DATE, null, null, null, null);
        assertThat(months.earliestEventWithin(LocalDate.of(2022, 3, 31))).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(months.earliestEventWithin(LocalDate.of(2022, 4, 15))).isEqualTo(LocalDate.of(2022, 3, 15));
        var days = new CampaignDefined.SpecialCaseRule(SpecialCase.NEWBORN, 90, null, null, CoverageFrom.EVENT_DATE, null, null, null, null);
        assertThat(days.earliestEventWithin(LocalDate.of(2022, 6, 1))).isEqualTo(LocalDate.of(2022, 3, 3));
    }
}
