package cn.medicare.campaign.enrollment.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.Liancheng;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DisclosureRuleTests {

    private static final LocalDate ENROLLED_ON = LocalDate.of(2017, 10, 9);
    private static final LocalDate PERIOD_OPENED = LocalDate.of(2017, 9, 1);

    @Test
    void anInfantShowsTheCountyAloneAndNoBirthYear() {
        String idNumber = Liancheng.idNumber("20170915", 401);

        assertThat(PersonIds.maskIdNumber(idNumber, LocalDate.of(2017, 9, 15), PERIOD_OPENED))
                .isEqualTo("350825" + "*".repeat(12));
        assertThat(DisclosureRule.birthYear(PersonIds.maskIdNumber(idNumber), LocalDate.of(2017, 9, 15), ENROLLED_ON, 2018, PERIOD_OPENED)).isNull();
        assertThat(DisclosureRule.birthYear("350825***********7", LocalDate.of(2016, 10, 10), ENROLLED_ON, 2018, PERIOD_OPENED))
                .as("a day short of a year old").isNull();
    }

    /**
     * Born after the period opened, a child is a NEWBORN however late it is enrolled: next to that category its
     * birth year and check character would leave a few hundred numbers, whatever its age on the day.
     */
    @Test
    void aNewbornEnrolledAYearLaterStillShowsTheCountyAlone() {
        LocalDate born = LocalDate.of(2017, 9, 10);
        String idNumber = Liancheng.idNumber("20170910", 403);
        LocalDate aYearLater = LocalDate.of(2018, 9, 15);

        String masked = PersonIds.maskIdNumber(idNumber, born, PERIOD_OPENED);

        assertThat(masked).isEqualTo("350825" + "*".repeat(12));
        assertThat(DisclosureRule.birthYear(masked, born, aYearLater, 2018, PERIOD_OPENED)).isNull();
        assertThat(PersonIds.maskIdNumber(idNumber, born, born.plusYears(1)))
                .as("born a year or more before the first opening: never an infant on a record")
                .endsWith(idNumber.substring(17));
    }

    /**
     * A child born on 10 February 2017 shows 6+1 where the first campaign known opened on 1 September 2018: born a year or
     * more before it. With the birth year that says born between 1 January and 1 September 2017, 244 days, about 11,000
     * numbers. Its first roll-overs, made in September, come within the years a birthday bound lasts, so the year stays home
     * there too; later it travels.
     */
    @Test
    void aSmallChildBornEarlyInTheYearTravelsWithoutTheBirthYearAtFirst() {
        LocalDate born = LocalDate.of(2017, 2, 10);
        String masked = PersonIds.maskIdNumber(Liancheng.idNumber("20170210", 404), born, LocalDate.of(2018, 9, 1));

        assertThat(masked).as("born a year or more before the first opening").doesNotEndWith("*");
        assertThat(DisclosureRule.birthYear(masked, born, LocalDate.of(2018, 9, 1), 2019, PERIOD_OPENED)).isNull();
        assertThat(DisclosureRule.birthYear(masked, born, LocalDate.of(2019, 9, 1), 2020, PERIOD_OPENED)).isNull();
        assertThat(DisclosureRule.birthYear(masked, born, LocalDate.of(2020, 9, 1), 2021, PERIOD_OPENED)).isEqualTo(2017);
        assertThat(DisclosureRule.birthYear(masked, LocalDate.of(2016, 9, 10), LocalDate.of(2018, 9, 1), 2019, PERIOD_OPENED))
                .as("born after the 220th day").isEqualTo(2016);
    }

    /** MINOR or GENERAL is decided by a day in the year the person turns 18 (Liancheng: born on or after 1999-09-02). */
    @Test
    void someoneNearEighteenTravelsWithoutTheBirthYearAndEveryoneElseWithIt() {
        assertThat(DisclosureRule.birthYear("350825***********7", LocalDate.of(1999, 12, 1), ENROLLED_ON, 2018, PERIOD_OPENED)).isNull();
        assertThat(DisclosureRule.birthYear("350825***********7", LocalDate.of(2001, 3, 1), ENROLLED_ON, 2018, PERIOD_OPENED)).isNull();
        assertThat(DisclosureRule.birthYear("350825***********7", LocalDate.of(2000, 3, 1), ENROLLED_ON, 2018, PERIOD_OPENED)).isNull();
        assertThat(DisclosureRule.birthYear("350825***********7", LocalDate.of(1998, 3, 1), ENROLLED_ON, 2018, PERIOD_OPENED)).isEqualTo(1998);
        assertThat(DisclosureRule.birthYear("350825***********7", LocalDate.of(2002, 3, 1), ENROLLED_ON, 2018, PERIOD_OPENED)).isEqualTo(2002);
        assertThat(DisclosureRule.birthYear("350825***********7", LocalDate.of(1985, 6, 12), ENROLLED_ON, 2018, PERIOD_OPENED)).isEqualTo(1985);
        String adult = Liancheng.idNumber("19850612", 402);
        assertThat(PersonIds.maskIdNumber(adult, LocalDate.of(1985, 6, 12), PERIOD_OPENED))
                .isEqualTo("350825***********" + adult.charAt(17));
    }

    /**
     * A 6+1 mask says the birth lies on or before a year before the first collection day. Were that day in July, a person born
     * that year before it would be left the days from 1 January to it beside the birth year, however old: fewer than the
     * 220 days 10,000 numbers need, so the year stays home; a year later, or a threshold late in its year, shows it.
     */
    @Test
    void theBirthYearStaysHomeWhereTheMasksThresholdLeavesTooFewDaysOfIt() {
        LocalDate julyOpening = LocalDate.of(2017, 7, 1);
        LocalDate born = LocalDate.of(2016, 3, 10);

        assertThat(DisclosureRule.birthYear("350825***********7", born, ENROLLED_ON, 2023, julyOpening)).isNull();
        assertThat(DisclosureRule.birthYear("350825***********7", born.minusYears(1), ENROLLED_ON, 2023, julyOpening)).isEqualTo(2015);
        assertThat(DisclosureRule.birthYear("350825***********7", born, ENROLLED_ON, 2023, PERIOD_OPENED)).isEqualTo(2016);
        assertThat(DisclosureRule.birthYear("350825***********7", born.minusYears(1), ENROLLED_ON, 2023, LocalDate.of(2016, 8, 8)))
                .as("the threshold on its year's 220th day: 9,998 numbers").isNull();
        assertThat(DisclosureRule.birthYear("350825***********7", born.minusYears(1), ENROLLED_ON, 2023, LocalDate.of(2016, 8, 9)))
                .as("on its 221st").isEqualTo(2015);
        assertThat(DisclosureRule.birthYear("350825***********7", born.minusYears(1), ENROLLED_ON, 2023, null))
                .as("no campaign known yet").isEqualTo(2015);
    }
}
