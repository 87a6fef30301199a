package cn.medicare.campaign.subsidy.eligibility;

import static cn.medicare.campaign.contracts.codes.AdjustmentAction.ADD;
import static cn.medicare.campaign.contracts.codes.AdjustmentAction.EXIT;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.DISABILITY_MODERATE;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.DISABILITY_SEVERE;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.EXTREME_POVERTY;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.LOW_INCOME_MARGINAL;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.MINIMUM_LIVING;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.RETURNED_TO_POVERTY;
import static cn.medicare.campaign.contracts.codes.AssistanceSubcategory.DISABILITY_GRADE_1;
import static cn.medicare.campaign.contracts.codes.AssistanceSubcategory.DISABILITY_GRADE_2;
import static cn.medicare.campaign.contracts.codes.AssistanceSubcategory.RURAL_MINIMUM_LIVING;
import static cn.medicare.campaign.contracts.codes.AssistanceSubcategory.URBAN_MINIMUM_LIVING;
import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.fixtures.Liancheng;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeldCategoriesRuleTests {

    /** Liancheng 2018 collects until 2017-12-31, 2019 until 2018-12-31. */
    private static final String REGION = "350825";
    private static final LocalDate END_2018 = LocalDate.of(2017, 12, 31);
    private static final LocalDate END_2019 = LocalDate.of(2018, 12, 31);

    @Test
    void anAddDuringTheCollectionPeriodCountsForThatYear() {
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2017-10-15")), REGION, END_2018))
                .containsExactly(MINIMUM_LIVING);
    }

    @Test
    void anAddOnTheLastDayOfThePeriodStillCounts() {
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2017-12-31")), REGION, END_2018))
                .containsExactly(MINIMUM_LIVING);
    }

    @Test
    void anAddAfterThePeriodCountsFromTheNextYear() {
        List<Certification> certifications = List.of(row(EXTREME_POVERTY, ADD, "2018-03-01"));
        assertThat(held(certifications, REGION, END_2018)).isEmpty();
        assertThat(held(certifications, REGION, END_2019)).containsExactly(EXTREME_POVERTY);
    }

    @Test
    void anExitByTheEndOfThePeriodEndsTheCategoryForThatYear() {
        List<Certification> certifications = List.of(
                row(MINIMUM_LIVING, ADD, "2016-05-01"), row(MINIMUM_LIVING, EXIT, "2017-11-20"));
        assertThat(held(certifications, REGION, END_2018)).isEmpty();
    }

    @Test
    void anExitAfterThePeriodLeavesThatYearAssisted() {
        List<Certification> certifications = List.of(
                row(MINIMUM_LIVING, ADD, "2016-05-01"), row(MINIMUM_LIVING, EXIT, "2018-02-01"));
        assertThat(held(certifications, REGION, END_2018)).containsExactly(MINIMUM_LIVING);
        assertThat(held(certifications, REGION, END_2019)).isEmpty();
    }

    @Test
    void anAddAfterAnEarlierExitStandsWhateverOrderTheRowsWereSentIn() {
        List<Certification> readdedAfterExit = List.of(
                row(MINIMUM_LIVING, ADD, "2017-11-01"), row(MINIMUM_LIVING, EXIT, "2017-09-01"));
        assertThat(held(readdedAfterExit, REGION, END_2018)).containsExactly(MINIMUM_LIVING);
    }

    /** Reporting's certified counts and lists take the EXIT of a day as the last word too. */
    @Test
    void anAddAndAnExitOfTheSameDayEndInExitWhicheverCameFirst() {
        assertThat(held(List.of(row(MINIMUM_LIVING, EXIT, "2017-11-01"), row(MINIMUM_LIVING, ADD, "2017-11-01")),
                REGION, END_2018)).isEmpty();
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2017-11-01"), row(MINIMUM_LIVING, EXIT, "2017-11-01")),
                REGION, END_2018)).isEmpty();
    }

    /**
     * 新认定困难人员 enrolled in February under the certification of that month: the certification counts to the year's end,
     * and its EXIT in June, after the cut-off, counts from the next year, as anyone's would (the payable stays assisted).
     */
    @Test
    void anAdditionAfterTheCutoffCountsForACaseAboutAssistanceAndItsLaterExitOnlyFromTheNextYear() {
        LocalDate yearEnd = LocalDate.of(2018, 12, 31);
        List<Certification> certifiedThenEnded = List.of(row(MINIMUM_LIVING, ADD, "2018-02-01"), row(MINIMUM_LIVING, EXIT, "2018-06-30"));

        assertThat(held(certifiedThenEnded, REGION, END_2018, yearEnd, null, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).containsExactly(MINIMUM_LIVING);
        assertThat(held(certifiedThenEnded, REGION, END_2018)).as("an ordinary enrolment").isEmpty();
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2017-10-15"), row(MINIMUM_LIVING, EXIT, "2018-06-30")),
                REGION, END_2018, yearEnd, null, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).as("certified before the cut-off, ended in June").containsExactly(MINIMUM_LIVING);
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2018-03-01"), row(MINIMUM_LIVING, EXIT, "2018-03-01")),
                REGION, END_2018, yearEnd, null, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).as("an ADD and an EXIT of one day").isEmpty();
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2019-01-02")), REGION, END_2018, yearEnd, null, CampaignDefined.CERTIFICATION_WITHIN_MONTHS))
                .as("next year's").isEmpty();
    }

    /**
     * Gaolou 2022: newly 返贫致贫 in March, enrolled on the 5th as such (owing 70 and paying it); 特困 in October counts from
     * the next year, as anyone's would: it lowered the settled payable to 0 and paid the 70 back. 民政's 低保 taking effect
     * the month after the approval the person enrolled on is the certification that led to the enrolment.
     */
    @Test
    void theAdditionsThatCountForACaseAboutAssistanceAreThoseThatLedToTheEnrolment() {
        LocalDate yearEnd = LocalDate.of(2018, 12, 31);
        LocalDate marchFifth = LocalDate.of(2018, 3, 5);
        List<Certification> thenExtremePoverty = List.of(row(RETURNED_TO_POVERTY, ADD, "2018-03-01"),
                row(EXTREME_POVERTY, ADD, "2018-10-01"));

        assertThat(held(thenExtremePoverty, REGION, END_2018, yearEnd, marchFifth, CampaignDefined.CERTIFICATION_WITHIN_MONTHS))
                .containsExactly(RETURNED_TO_POVERTY);
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2018-04-01"), row(EXTREME_POVERTY, ADD, "2018-10-01")),
                REGION, END_2018, yearEnd, marchFifth, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).as("effective the month after the enrolment").containsExactly(MINIMUM_LIVING);
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2018-03-01"), row(EXTREME_POVERTY, ADD, "2018-03-04")),
                REGION, END_2018, yearEnd, marchFifth, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).as("both before the enrolment").containsExactlyInAnyOrder(MINIMUM_LIVING, EXTREME_POVERTY);
        assertThat(held(List.of(row(RETURNED_TO_POVERTY, ADD, "2017-12-20"), row(EXTREME_POVERTY, ADD, "2018-10-01")),
                REGION, END_2018, yearEnd, marchFifth, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).as("certified before the cut-off, enrolled late as newly assisted")
                .containsExactly(RETURNED_TO_POVERTY);
        assertThat(held(List.of(row(DISABILITY_MODERATE, ADD, "2017-10-01"), row(MINIMUM_LIVING, ADD, "2018-04-01")),
                REGION, END_2018, yearEnd, marchFifth, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).as("assisted at the cut-off, newly 低保 from the month after the enrolment")
                .containsExactlyInAnyOrder(DISABILITY_MODERATE, MINIMUM_LIVING);
        assertThat(held(thenExtremePoverty, REGION, END_2018, yearEnd, null, CampaignDefined.CERTIFICATION_WITHIN_MONTHS))
                .as("an enrolment kept before its day was").containsExactlyInAnyOrder(EXTREME_POVERTY, RETURNED_TO_POVERTY);
    }

    /**
     * Gaolou 2022 assists no 低保边缘: one listed in February cannot have led to a NEWLY_ASSISTED enrolment on 15 March, and
     * leaves the 低保 of 1 April the person enrolled on (it closed the window at the enrolment's day: 320 instead of 40).
     */
    @Test
    void onlyAnAdditionOfACategoryTheCampaignAssistsLedToTheEnrolment() {
        LocalDate yearEnd = LocalDate.of(2022, 12, 31);
        LocalDate cutoff = LocalDate.of(2021, 12, 31);
        List<Certification> marginalThenMinimumLiving = List.of(row(LOW_INCOME_MARGINAL, ADD, "2022-02-01"),
                row(MINIMUM_LIVING, ADD, "2022-04-01"));

        assertThat(HeldCategoriesRule.heldFor(marginalThenMinimumLiving, REGION, cutoff, yearEnd, LocalDate.of(2022, 3, 15),
                CampaignDefined.CERTIFICATION_WITHIN_MONTHS, EnumSet.of(MINIMUM_LIVING, EXTREME_POVERTY, RETURNED_TO_POVERTY)::contains))
                .contains(MINIMUM_LIVING);
    }

    /**
     * How long after the enrolment the certification it was made on may take effect is the campaign's: enrolled on 5 March,
     * 低保 from 1 May is two months after the enrolment's month, the person's case under a campaign that allows two and an
     * addition for next year under one that allows the default one (or none: the certification came with the enrolment).
     */
    @Test
    void theCampaignSetsHowLongAfterTheEnrolmentItsCertificationMayTakeEffect() {
        LocalDate yearEnd = LocalDate.of(2018, 12, 31);
        LocalDate marchFifth = LocalDate.of(2018, 3, 5);
        List<Certification> fromMay = List.of(row(MINIMUM_LIVING, ADD, "2018-05-01"));
        List<Certification> fromApril = List.of(row(MINIMUM_LIVING, ADD, "2018-04-30"));

        assertThat(held(fromMay, REGION, END_2018, yearEnd, marchFifth, 2)).containsExactly(MINIMUM_LIVING);
        assertThat(held(fromMay, REGION, END_2018, yearEnd, marchFifth, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).isEmpty();
        assertThat(held(fromApril, REGION, END_2018, yearEnd, marchFifth, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).containsExactly(MINIMUM_LIVING);
        assertThat(held(fromApril, REGION, END_2018, yearEnd, marchFifth, 0)).isEmpty();
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2018-03-31")), REGION, END_2018, yearEnd, marchFifth, 0))
                .as("by the end of the enrolment's own month").containsExactly(MINIMUM_LIVING);
        // enrolled after a period that ended on 25 December (Lishi), certified in the coverage year's December: a year reaches it
        LocalDate lishiEnd = LocalDate.of(2017, 12, 25);
        List<Certification> fromDecember = List.of(row(MINIMUM_LIVING, ADD, "2018-12-01"));
        assertThat(held(fromDecember, REGION, lishiEnd, yearEnd, LocalDate.of(2017, 12, 28), 12))
                .containsExactly(MINIMUM_LIVING);
        assertThat(held(fromDecember, REGION, lishiEnd, yearEnd, LocalDate.of(2017, 12, 28), 11)).isEmpty();
    }

    /** 免申即享 where registered: a neighbouring county's 低保 is not this county's to assist; a row kept before counties were counts. */
    @Test
    void anotherCountysCertificationDoesNotCountHere() {
        Certification neighbours = new Certification(MINIMUM_LIVING, null, ADD, LocalDate.parse("2017-10-15"), "350821");
        Certification keptBeforeCounties = new Certification(EXTREME_POVERTY, null, ADD, LocalDate.parse("2017-10-15"), null);

        assertThat(held(List.of(neighbours, keptBeforeCounties), REGION, END_2018)).containsExactly(EXTREME_POVERTY);
        assertThat(held(List.of(neighbours), "350821", END_2018)).containsExactly(MINIMUM_LIVING);
    }

    @Test
    void categoriesAreHeldEachOnItsOwn() {
        List<Certification> certifications = List.of(row(MINIMUM_LIVING, ADD, "2017-10-01"),
                row(EXTREME_POVERTY, ADD, "2017-10-01"), row(MINIMUM_LIVING, EXIT, "2017-11-01"));
        assertThat(held(certifications, REGION, END_2018)).containsExactly(EXTREME_POVERTY);
    }

    /**
     * 农转城: civil affairs moves a person from rural to urban 低保 with an EXIT and an ADD, on one day or the EXIT some days
     * after; the person holds 低保 throughout. An EXIT of the same subcategory on the day of its ADD still wins.
     */
    @Test
    void aTransferBetweenSubcategoriesKeepsTheCategory() {
        List<Certification> sameDay = List.of(row(RURAL_MINIMUM_LIVING, ADD, "2016-05-01"),
                row(RURAL_MINIMUM_LIVING, EXIT, "2017-10-01"), row(URBAN_MINIMUM_LIVING, ADD, "2017-10-01"));
        List<Certification> exitSentFirst = List.of(row(URBAN_MINIMUM_LIVING, ADD, "2017-10-01"), row(RURAL_MINIMUM_LIVING, ADD, "2016-05-01"),
                row(RURAL_MINIMUM_LIVING, EXIT, "2017-10-01"));
        List<Certification> exitDaysLater = List.of(row(RURAL_MINIMUM_LIVING, ADD, "2016-05-01"),
                row(URBAN_MINIMUM_LIVING, ADD, "2017-10-01"), row(RURAL_MINIMUM_LIVING, EXIT, "2017-10-05"));

        assertThat(held(sameDay, REGION, END_2018)).containsExactly(MINIMUM_LIVING);
        assertThat(held(exitSentFirst, REGION, END_2018)).containsExactly(MINIMUM_LIVING);
        assertThat(held(exitDaysLater, REGION, END_2018)).containsExactly(MINIMUM_LIVING);
        assertThat(held(List.of(row(URBAN_MINIMUM_LIVING, ADD, "2017-10-01"), row(URBAN_MINIMUM_LIVING, EXIT, "2017-10-01")),
                REGION, END_2018)).isEmpty();
        assertThat(held(List.of(row(RURAL_MINIMUM_LIVING, EXIT, "2018-03-01"), row(URBAN_MINIMUM_LIVING, ADD, "2018-03-01")),
                REGION, END_2018, LocalDate.of(2018, 12, 31), null, CampaignDefined.CERTIFICATION_WITHIN_MONTHS)).as("after the cut-off, for a case about assistance")
                .containsExactly(MINIMUM_LIVING);
    }

    /**
     * A row naming the category alone (低保对象, MINIMUM_LIVING, every row kept before subcategories were) is ended by an EXIT
     * of any of its subcategories, and its EXIT ends them all: an agency that writes the category one month and the finer
     * name the next still ends what it added.
     */
    @Test
    void aRowNamingTheCategoryAloneEndsAndIsEndedByEverySubcategory() {
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2016-05-01"), row(RURAL_MINIMUM_LIVING, EXIT, "2017-10-01")),
                REGION, END_2018)).isEmpty();
        assertThat(held(List.of(row(RURAL_MINIMUM_LIVING, ADD, "2016-05-01"), row(URBAN_MINIMUM_LIVING, ADD, "2017-02-01"),
                row(MINIMUM_LIVING, EXIT, "2017-10-01")), REGION, END_2018)).isEmpty();
        assertThat(held(List.of(row(MINIMUM_LIVING, ADD, "2016-05-01"), row(RURAL_MINIMUM_LIVING, EXIT, "2017-10-01"),
                row(URBAN_MINIMUM_LIVING, ADD, "2017-10-01")), REGION, END_2018)).as("a transfer of a person added before")
                .containsExactly(MINIMUM_LIVING);
        assertThat(held(List.of(row(DISABILITY_GRADE_2, ADD, "2016-05-01"), row(DISABILITY_GRADE_2, EXIT, "2017-10-01"),
                row(DISABILITY_GRADE_1, ADD, "2017-10-01")), REGION, END_2018)).as("re-graded within 一、二级")
                .containsExactly(DISABILITY_SEVERE);
    }

    /** An enrolment whose ADDs and EXITs both count up to the campaign's cut-off. */
    private static Set<AssistanceCategory> held(List<Certification> certifications, String region, LocalDate cutoff) {
        return held(certifications, region, cutoff, cutoff, null, CampaignDefined.CERTIFICATION_WITHIN_MONTHS);
    }

    /** Under a campaign that assists every category. */
    private static Set<AssistanceCategory> held(List<Certification> certifications, String region, LocalDate collectionEnd,
            LocalDate additionsUntil, LocalDate enrolledOn, int certificationWithinMonths) {
        return HeldCategoriesRule.heldFor(certifications, region, collectionEnd, additionsUntil, enrolledOn, certificationWithinMonths,
                category -> true);
    }

    private static Certification row(AssistanceCategory category, AdjustmentAction action, String date) {
        return new Certification(category, null, action, LocalDate.parse(date), REGION);
    }

    private static Certification row(AssistanceSubcategory subcategory, AdjustmentAction action, String date) {
        return new Certification(subcategory.category(), subcategory, action, LocalDate.parse(date), REGION);
    }
}
