package cn.medicare.campaign.enrollment.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import cn.medicare.campaign.fixtures.Gaolou;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.Yueyang;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The campaign engine as enrollment-service uses it, on API.md's example campaign. */
class EnrolmentPolicyTests {

    private final CampaignDefined campaign = Liancheng.apiExample(2018);

    @Test
    void categoryDefaultsFromAgeAtTheStartOfTheCollectionPeriod() {
        assertThat(EnrolmentPolicy.defaultCategory(LocalDate.of(1985, 6, 12), campaign)).isEqualTo(PersonCategory.GENERAL);
        assertThat(EnrolmentPolicy.defaultCategory(LocalDate.of(1999, 9, 1), campaign)).isEqualTo(PersonCategory.GENERAL);
        assertThat(EnrolmentPolicy.defaultCategory(LocalDate.of(1999, 9, 2), campaign)).isEqualTo(PersonCategory.MINOR);
        assertThat(EnrolmentPolicy.defaultCategory(LocalDate.of(2017, 9, 1), campaign)).isEqualTo(PersonCategory.MINOR);
        assertThat(EnrolmentPolicy.defaultCategory(LocalDate.of(2017, 9, 2), campaign)).isEqualTo(PersonCategory.NEWBORN);
    }

    @Test
    void enrolledWithinThePeriodIsCoveredFromJanuaryFirst() {
        var coverage = coverage(LocalDate.of(2017, 12, 31), PersonCategory.GENERAL, LocalDate.of(1985, 6, 12));
        assertThat(coverage).isEqualTo(new EnrolmentPolicy.Coverage(CoverageFrom.YEAR_START, LocalDate.of(2018, 1, 1), 0, 0));
    }

    @Test
    void lateEnrolmentWaitsTheCampaignsWaitingPeriod() {
        var coverage = coverage(LocalDate.of(2018, 3, 1), PersonCategory.GENERAL, LocalDate.of(1985, 6, 12));
        assertThat(coverage).isEqualTo(new EnrolmentPolicy.Coverage(CoverageFrom.ENROLMENT_DATE, LocalDate.of(2018, 5, 30), 90, 0));
    }

    @Test
    void newbornsHaveTheirExtensionAndAreCoveredFromBirth() {
        LocalDate born = LocalDate.of(2018, 1, 10);
        assertThat(coverage(LocalDate.of(2018, 1, 20), PersonCategory.NEWBORN, born))
                .isEqualTo(new EnrolmentPolicy.Coverage(CoverageFrom.EVENT_DATE, born, 0, 0));
        assertThat(coverage(LocalDate.of(2018, 1, 20), PersonCategory.GENERAL, LocalDate.of(1985, 6, 12)).waitingDays()).isEqualTo(90);
    }

    /**
     * Yueyang: a newborn within 90 days of birth is covered from birth at the individual amount. An adult claiming the
     * case with last month's date was covered from that date at 400 instead of 400 + 670 after 90 days; the case now counts
     * from the birth date of the ID number, and another date is the clerk's mistake.
     */
    @Test
    void theNewbornCaseCountsFromTheBirthDateOfTheIdNumberOnly() {
        CampaignDefined yueyang = Yueyang.campaign2025();
        LocalDate enrolledOn = LocalDate.of(2025, 3, 1);
        var adultWithADate = new EnrolmentPolicy.Applicant(LocalDate.of(1960, 5, 5), PersonCategory.GENERAL, SpecialCase.NEWBORN,
                LocalDate.of(2025, 2, 1), null, enrolledOn);
        var adultWithout = new EnrolmentPolicy.Applicant(LocalDate.of(1960, 5, 5), PersonCategory.GENERAL, SpecialCase.NEWBORN, null, null,
                enrolledOn);

        assertThat(EnrolmentPolicy.caseDateContradiction(adultWithADate)).contains("出生日期");
        assertThat(EnrolmentPolicy.specialCaseContradiction(yueyang, adultWithout)).contains("新生儿情形");
        EnrolmentPolicy.Decision decision = EnrolmentPolicy.decide(yueyang, adultWithout);
        assertThat(decision.coverage().start()).as(decision.explanation()).isNull();
        assertThat(decision.standardAmount()).as(decision.explanation()).isGreaterThan(yueyang.contributions().amountFor(PersonCategory.GENERAL));
    }

    /**
     * Lishi's newborn rule has no window: an adult naming the case was covered from the year's start without the late
     * enrolment's wait. A child born after the period opened, or under a year old, keeps the case however late.
     */
    @Test
    void theNewbornCaseIsAChildsBornAfterThePeriodOpenedOrUnderAYearOld() {
        LocalDate enrolledOn = LocalDate.of(2018, 9, 25);
        var adult = new EnrolmentPolicy.Applicant(LocalDate.of(1985, 6, 12), PersonCategory.GENERAL, SpecialCase.NEWBORN, null, null,
                enrolledOn);
        var bornAfterTheOpening = new EnrolmentPolicy.Applicant(LocalDate.of(2017, 9, 20), PersonCategory.NEWBORN, SpecialCase.NEWBORN, null,
                null, enrolledOn);
        var underAYear = new EnrolmentPolicy.Applicant(LocalDate.of(2017, 8, 15), PersonCategory.MINOR, SpecialCase.NEWBORN, null, null,
                LocalDate.of(2018, 8, 1));
        var aYearAndADay = new EnrolmentPolicy.Applicant(LocalDate.of(2016, 8, 31), PersonCategory.MINOR, SpecialCase.NEWBORN, null, null,
                LocalDate.of(2017, 9, 1));

        assertThat(EnrolmentPolicy.specialCaseContradiction(campaign, adult)).contains("新生儿情形");
        assertThat(EnrolmentPolicy.specialCaseContradiction(campaign, bornAfterTheOpening)).isNull();
        assertThat(EnrolmentPolicy.specialCaseContradiction(campaign, underAYear)).isNull();
        assertThat(EnrolmentPolicy.specialCaseContradiction(campaign, aYearAndADay)).isNotNull();
    }

    /**
     * 附件4 has no 新生儿: a clerk writes 未成年人 for a baby. Born after the period opened, the child is a newborn, whose rules
     * follow the birth; the word kept the child a minor, enrolled late (from 90 days on) instead of from the birth.
     */
    @Test
    void aChildBornAfterThePeriodOpenedIsANewbornWhateverTheClerkWrote() {
        LocalDate born = LocalDate.of(2018, 3, 1);
        assertThat(EnrolmentPolicy.categoryOf(PersonCategory.MINOR, born, campaign)).isEqualTo(PersonCategory.NEWBORN);
        assertThat(EnrolmentPolicy.categoryOf(null, born, campaign)).isEqualTo(PersonCategory.NEWBORN);
        assertThat(EnrolmentPolicy.categoryOf(PersonCategory.MINOR, LocalDate.of(2010, 3, 1), campaign)).isEqualTo(PersonCategory.MINOR);
        assertThat(EnrolmentPolicy.categoryOf(PersonCategory.STUDENT, LocalDate.of(2010, 3, 1), campaign)).isEqualTo(PersonCategory.STUDENT);

        CampaignDefined gaolou = Gaolou.campaign2022();
        LocalDate baby = LocalDate.of(2022, 3, 1);
        PersonCategory category = EnrolmentPolicy.categoryOf(PersonCategory.MINOR, baby, gaolou);
        var applicant = new EnrolmentPolicy.Applicant(baby, category, EnrolmentPolicy.caseOf(gaolou, category, null), null, null,
                LocalDate.of(2022, 3, 20));
        assertThat(EnrolmentPolicy.decide(gaolou, applicant).coverage().start()).isEqualTo(baby);
    }

    /** Yueyang's college freshman is covered from Sept 1 of the year before: a college student's case, not anyone's. */
    @Test
    void theCollegeFreshmansCaseIsACollegeStudentsAndTheWelfareInstitutionsAChilds() {
        CampaignDefined yueyang = Yueyang.campaign2025();
        LocalDate enrolledOn = LocalDate.of(2024, 9, 15);
        var adult = new EnrolmentPolicy.Applicant(LocalDate.of(1980, 5, 5), PersonCategory.GENERAL, SpecialCase.COLLEGE_FRESHMAN, null, null,
                enrolledOn);
        var freshman = new EnrolmentPolicy.Applicant(LocalDate.of(2006, 6, 6), PersonCategory.COLLEGE_STUDENT, SpecialCase.COLLEGE_FRESHMAN,
                null, null, enrolledOn);
        var grownUp = new EnrolmentPolicy.Applicant(LocalDate.of(1990, 4, 4), PersonCategory.GENERAL, SpecialCase.WELFARE_INSTITUTION,
                LocalDate.of(2025, 3, 3), null, LocalDate.of(2025, 3, 20));
        var child = welfareChild(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 20));

        assertThat(EnrolmentPolicy.specialCaseContradiction(yueyang, adult)).contains("大学新生");
        assertThat(EnrolmentPolicy.specialCaseContradiction(yueyang, freshman)).isNull();
        assertThat(EnrolmentPolicy.specialCaseContradiction(yueyang, grownUp)).contains("福利机构");
        assertThat(EnrolmentPolicy.specialCaseContradiction(yueyang, child)).isNull();
    }

    /**
     * Yueyang covers a child taken in by a welfare institution from the admission date. Without the date the case's rule
     * has no day to start from: the child was covered from the enrolment day, and told it was from the admission. After
     * the period the enrolment now asks for the date (400 on {@code specialCase.date}); the rule itself no longer applies
     * without it, as a case counted from its event does not, and says what was left out. In the period the date decides
     * nothing (1 January) and is not asked for.
     */
    @Test
    void aWelfareChildAfterThePeriodIsAskedForTheAdmissionDateRatherThanCoveredFromAnotherDay() {
        CampaignDefined yueyang = Yueyang.campaign2025();
        LocalDate enrolledOn = LocalDate.of(2025, 3, 20);
        var admitted = welfareChild(LocalDate.of(2025, 2, 10), enrolledOn);
        var noDate = welfareChild(null, enrolledOn);
        var noDateInThePeriod = welfareChild(null, LocalDate.of(2024, 10, 10));

        assertThat(EnrolmentPolicy.missingCaseDate(yueyang, admitted)).isNull();
        assertThat(EnrolmentPolicy.decide(yueyang, admitted).coverage())
                .isEqualTo(new EnrolmentPolicy.Coverage(CoverageFrom.EVENT_DATE, LocalDate.of(2025, 2, 10), 0, 0));
        assertThat(EnrolmentPolicy.missingCaseDate(yueyang, noDate)).startsWith("请填写被福利机构收留日期");
        assertThat(EnrolmentPolicy.decide(yueyang, noDate).explanation()).startsWith("未填写被福利机构收留日期，")
                .doesNotContain("自被福利机构收留之日起");
        assertThat(EnrolmentPolicy.missingCaseDate(yueyang, noDateInThePeriod)).isNull();
        assertThat(EnrolmentPolicy.missingCaseDate(Gaolou.campaign2022(), new EnrolmentPolicy.Applicant(LocalDate.of(1975, 3, 3),
                PersonCategory.GENERAL, SpecialCase.EMPLOYEE_INSURANCE_LAPSE, null, null, LocalDate.of(2022, 6, 16))))
                .as("a rule with a window falls to its otherwise, said").isNull();
    }

    /** A case's date before the birth would start coverage before the person was born. */
    @Test
    void aCasesDateIsNotBeforeTheBirth() {
        var admittedBeforeBirth = new EnrolmentPolicy.Applicant(LocalDate.of(2024, 11, 15), PersonCategory.NEWBORN,
                SpecialCase.WELFARE_INSTITUTION, LocalDate.of(2024, 9, 1), null, LocalDate.of(2025, 3, 20));
        assertThat(EnrolmentPolicy.caseDateContradiction(admittedBeforeBirth)).contains("出生日期");
    }

    /** A child born 2015-04-04 enrolled under the welfare institution's case, admitted on {@code admittedOn} (null: not given). */
    private static EnrolmentPolicy.Applicant welfareChild(LocalDate admittedOn, LocalDate enrolledOn) {
        return new EnrolmentPolicy.Applicant(LocalDate.of(2015, 4, 4), PersonCategory.MINOR, SpecialCase.WELFARE_INSTITUTION, admittedOn,
                null, enrolledOn);
    }

    private EnrolmentPolicy.Coverage coverage(LocalDate enrolledOn, PersonCategory category, LocalDate birthDate) {
        return EnrolmentPolicy.decide(campaign, new EnrolmentPolicy.Applicant(birthDate, category, null, null, null, enrolledOn))
                .coverage();
    }
}
