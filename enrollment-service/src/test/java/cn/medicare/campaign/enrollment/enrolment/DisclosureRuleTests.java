package cn.medicare.campaign.enrollment.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.Liancheng;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DisclosureRuleTests {

    private static final LocalDate ENROLLED_ON = LocalDate.of(2017, 10, 9);

    @Test
    void anInfantShowsTheCountyAloneAndNoBirthYear() {
        String idNumber = Liancheng.idNumber("20170915", 401);

        assertThat(DisclosureRule.idNumberMasked(idNumber, LocalDate.of(2017, 9, 15), ENROLLED_ON)).isEqualTo("350825" + "*".repeat(12));
        assertThat(DisclosureRule.birthYear(LocalDate.of(2017, 9, 15), ENROLLED_ON, 2018)).isNull();
        assertThat(DisclosureRule.birthYear(LocalDate.of(2016, 10, 10), ENROLLED_ON, 2018)).as("a day short of a year old").isNull();
    }

    /** MINOR or GENERAL is decided by a day in the year the person turns 18 (Liancheng: born on or after 1999-09-02). */
    @Test
    void someoneNearEighteenTravelsWithoutTheBirthYearAndEveryoneElseWithIt() {
        assertThat(DisclosureRule.birthYear(LocalDate.of(1999, 12, 1), ENROLLED_ON, 2018)).isNull();
        assertThat(DisclosureRule.birthYear(LocalDate.of(2001, 3, 1), ENROLLED_ON, 2018)).isNull();
        assertThat(DisclosureRule.birthYear(LocalDate.of(2000, 3, 1), ENROLLED_ON, 2018)).isNull();
        assertThat(DisclosureRule.birthYear(LocalDate.of(1998, 3, 1), ENROLLED_ON, 2018)).isEqualTo(1998);
        assertThat(DisclosureRule.birthYear(LocalDate.of(2002, 3, 1), ENROLLED_ON, 2018)).isEqualTo(2002);
        assertThat(DisclosureRule.birthYear(LocalDate.of(1985, 6, 12), ENROLLED_ON, 2018)).isEqualTo(1985);
        String adult = Liancheng.idNumber("19850612", 402);
        assertThat(DisclosureRule.idNumberMasked(adult, LocalDate.of(1985, 6, 12), ENROLLED_ON))
                .isEqualTo("350825***********" + adult.charAt(17));
    }
}
