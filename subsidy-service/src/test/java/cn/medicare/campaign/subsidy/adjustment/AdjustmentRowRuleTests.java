package cn.medicare.campaign.subsidy.adjustment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import cn.medicare.campaign.subsidy.campaign.CampaignStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AdjustmentRowRuleTests {

    private static final LocalDate TODAY = LocalDate.of(2017, 10, 9);
    private static final Function<String, Optional<CampaignStore.Township>> LIANCHENG =
            township -> township.startsWith(Liancheng.REGION) ? Optional.of(new CampaignStore.Township(township, Liancheng.REGION))
                    : Optional.empty();

    private final String idNumber = Liancheng.idNumber(401);

    /** A log line or an exception message naming a row shows neither the check character nor a date near the birth. */
    @Test
    void aRowNamedInALogShowsTheCountyAloneAndNoDateNearTheBirth() {
        String newborn = IdNumbers.of(Liancheng.REGION, LocalDate.of(2017, 9, 5), 483);
        ValidRow nearBirth = new ValidRow(newborn, Liancheng.LIANFENG, Liancheng.VILLAGE, Liancheng.REGION, AdjustmentAction.ADD,
                AssistanceCategory.MINIMUM_LIVING, null, LocalDate.of(2017, 9, 12), true);

        assertThat(nearBirth.toString()).contains("350825************").doesNotContain(PersonIds.maskIdNumber(newborn), "2017-09-12");
    }

    @Test
    void aGoodRowIsReadWithTheRegionOfItsTownship() {
        CheckedRow checked = check(new AdjustmentRowInput(" 350825100 ", "莲峰村", idNumber.toLowerCase(), "13800000000", "新增",
                "MINIMUM_LIVING", "2017-10-15"), Agency.CIVIL_AFFAIRS);

        assertThat(checked.errors()).isEmpty();
        assertThat(checked.valid()).isEqualTo(new ValidRow(idNumber, "350825100", "莲峰村", Liancheng.REGION,
                AdjustmentAction.ADD, AssistanceCategory.MINIMUM_LIVING, null, LocalDate.of(2017, 10, 15), false));
        assertThat(checked.idNumberMasked()).isEqualTo(idNumber.substring(0, 6) + "*".repeat(11) + idNumber.substring(17));
    }

    /**
     * What the clerk typed is quoted enough to find it, and a whole column pasted one place over (names, remarks) is cut: the
     * answer and the batch's stored outcomes keep at most 20 characters of it.
     */
    @Test
    void anUnknownCategoryOrActionIsQuotedEnoughToFindItNotWhole() {
        String pasted = "张三丰住莲峰镇城关村一组家中无劳动力需要帮扶请核实".repeat(10);
        CheckedRow unknown = check(new AdjustmentRowInput("350825100", "莲峰村", idNumber, "13800000000", pasted, "低保户", "2017-10-15"),
                Agency.CIVIL_AFFAIRS);

        assertThat(unknown.errors()).extracting(InputError::field).containsExactly("action", "category");
        assertThat(unknown.errors().get(0).message()).endsWith(": " + pasted.substring(0, 20) + "…");
        assertThat(unknown.errors().get(1).message()).endsWith(": 低保户");
        // a number in the cell is starred whole before the cut, never left as its county and birth month
        CheckedRow withANumber = check(new AdjustmentRowInput("350825100", "莲峰村", idNumber, "13800000000", "城关村一组张三丰 " + idNumber,
                "MINIMUM_LIVING", "2017-10-15"), Agency.CIVIL_AFFAIRS);
        assertThat(withANumber.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .endsWith(": 城关村一组张三丰 " + "*".repeat(11) + "…").doesNotContain(idNumber.substring(0, 8)));
    }

    @Test
    void aCategoryOfAnotherAgencyIsRefusedNamingTheAgencyThatCertifiesIt() {
        CheckedRow checked = check(row("MONITORED"), Agency.CIVIL_AFFAIRS);

        assertThat(checked.accepted()).isFalse();
        assertThat(checked.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.field()).isEqualTo("category");
            assertThat(error.message()).contains("RURAL_REVITALIZATION");
        });
    }

    @Test
    void anUnknownCategoryIsRefused() {
        assertThat(check(row("POOR"), Agency.CIVIL_AFFAIRS).errors()).extracting(InputError::field).containsExactly("category");
    }

    @Test
    void aMistypedIdNumberIsRefusedWithoutRepeatingIt() {
        String mistyped = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
        CheckedRow checked = check(new AdjustmentRowInput("350825100", "莲峰村", mistyped, null, "ADD", "ORPHAN", "2017-10-15"),
                Agency.CIVIL_AFFAIRS);

        assertThat(checked.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("idNumber");
            assertThat(error.message()).contains("校验位").doesNotContain(mistyped).doesNotContain(idNumber.substring(0, 17));
        });
        assertThat(checked.idNumberMasked()).isNull();
    }

    @Test
    void everyBadColumnOfARowIsNamed() {
        CheckedRow checked = check(new AdjustmentRowInput("350899100", " ", idNumber, null, "CHANGE", "ORPHAN", "15/10/2017"),
                Agency.CIVIL_AFFAIRS);

        assertThat(checked.errors()).extracting(InputError::field)
                .containsExactly("township", "village", "action", "effectiveDate");
    }

    @Test
    void aNumberInTheWrongColumnIsNotRepeatedInTheMessage() {
        CheckedRow checked = check(new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, idNumber, idNumber, idNumber),
                Agency.CIVIL_AFFAIRS);

        assertThat(checked.errors()).extracting(InputError::field).containsExactly("action", "category", "effectiveDate");
        assertThat(checked.errors()).allSatisfy(error -> assertThat(error.message()).doesNotContain(idNumber.substring(6, 14)));
    }

    @Test
    void theFormsCategoryNamesAndDatesAreReadAsTheAgenciesWriteThem() {
        AdjustmentRowInput form = new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, "新增", "城镇低保", "2017年10月5日");

        CheckedRow checked = check(form, Agency.CIVIL_AFFAIRS);

        assertThat(checked.errors()).isEmpty();
        assertThat(checked.valid().category()).isEqualTo(AssistanceCategory.MINIMUM_LIVING);
        assertThat(checked.valid().subcategory()).isEqualTo(AssistanceSubcategory.URBAN_MINIMUM_LIVING);
        assertThat(checked.valid().effectiveDate()).isEqualTo(LocalDate.of(2017, 10, 5));
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, "新增", "脱贫不稳定人口", "2017/10/5"),
                Agency.RURAL_REVITALIZATION).valid()).extracting(ValidRow::category, ValidRow::subcategory)
                .containsExactly(AssistanceCategory.MONITORED, AssistanceSubcategory.UNSTABLE_EX_POOR);
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, "新增", "URBAN_MINIMUM_LIVING", "2017/10/5"),
                Agency.CIVIL_AFFAIRS).valid().subcategory()).as("the code").isEqualTo(AssistanceSubcategory.URBAN_MINIMUM_LIVING);
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, "新增", "低保对象", "2017/10/5"),
                Agency.CIVIL_AFFAIRS).valid().subcategory()).as("the category alone").isNull();
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, "新增", "农村低保", "2017-02-30"),
                Agency.CIVIL_AFFAIRS).errors()).extracting(InputError::field).containsExactly("effectiveDate");
    }

    /** A year typed wrong either way: before the person was born, or past next month (2071 for 2017) would never assist anyone. */
    @Test
    void anEffectiveDateBeforeTheBirthOrAfterNextMonthIsRefused() {
        LocalDate born = ((ResidentIdCheck.Valid) ResidentIdNumber.check(idNumber, TODAY)).birthDate();

        assertThat(check(dated(born.minusDays(1).toString()), Agency.CIVIL_AFFAIRS).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo(RequestValues.BEFORE_BIRTH));
        assertThat(check(dated("2071-10-15"), Agency.CIVIL_AFFAIRS).errors()).extracting(InputError::field).containsExactly("effectiveDate");
        assertThat(check(dated("2017-12-01"), Agency.CIVIL_AFFAIRS).errors()).extracting(InputError::field).containsExactly("effectiveDate");
        assertThat(check(dated("2017-11-30"), Agency.CIVIL_AFFAIRS).errors()).isEmpty();
        assertThat(check(dated(born.toString()), Agency.CIVIL_AFFAIRS).errors()).isEmpty();
    }

    /**
     * Monthly lists often give the month alone (2017年10月): it takes effect from the month's first day, in the month the
     * person was born from the birth (a newborn of an assisted family). A spreadsheet keeps 2017.10 typed as a number as
     * 2017.1, so a dot takes two digits: 2017.1 is refused rather than read as January.
     */
    @Test
    void aMonthAloneTakesEffectFromItsFirstDayOrFromTheBirth() {
        assertThat(check(dated("2017年10月"), Agency.CIVIL_AFFAIRS).valid().effectiveDate()).isEqualTo(LocalDate.of(2017, 10, 1));
        assertThat(check(dated(" 2017-9 "), Agency.CIVIL_AFFAIRS).valid().effectiveDate()).isEqualTo(LocalDate.of(2017, 9, 1));
        assertThat(check(dated("2017/09"), Agency.CIVIL_AFFAIRS).valid().effectiveDate()).isEqualTo(LocalDate.of(2017, 9, 1));
        assertThat(check(dated("2017.09"), Agency.CIVIL_AFFAIRS).valid().effectiveDate()).isEqualTo(LocalDate.of(2017, 9, 1));
        assertThat(check(dated("2017.1"), Agency.CIVIL_AFFAIRS).errors()).extracting(InputError::field).containsExactly("effectiveDate");
        assertThat(check(dated("2017年13月"), Agency.CIVIL_AFFAIRS).errors()).extracting(InputError::field).containsExactly("effectiveDate");
        assertThat(check(dated("201710"), Agency.CIVIL_AFFAIRS).errors()).extracting(InputError::field).containsExactly("effectiveDate");

        LocalDate born = LocalDate.of(2017, 9, 5);
        String newborn = IdNumbers.of(Liancheng.REGION, born, 485);
        CheckedRow inTheBirthMonth = check(new AdjustmentRowInput("350825100", "莲峰村", newborn, null, "新增", "农村低保", "2017年9月"),
                Agency.CIVIL_AFFAIRS);
        assertThat(inTheBirthMonth.valid().effectiveDate()).isEqualTo(born);
        assertThat(inTheBirthMonth.valid().effectiveFromBirth()).isTrue();
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", newborn, null, "新增", "农村低保", "2017年8月"), Agency.CIVIL_AFFAIRS)
                .errors()).singleElement().satisfies(error -> assertThat(error.message()).isEqualTo(RequestValues.BEFORE_BIRTH));
    }

    /**
     * A certification dated in the birth year of someone born long ago (a first list at go-live giving the original dates):
     * beside the enrolment's birth year and the 6+1 mask's check character, 20 June left the birth in 172 days, about 7,800
     * numbers. Within 221 days of 1 January such a date travels as the birth's; a date later in that year, as itself.
     */
    @Test
    void aDateInTheBirthYearOfSomeoneMaskedSixPlusOneTravelsAsTheBirthsWithinTheFirst221Days() {
        String boy = IdNumbers.of(Liancheng.REGION, LocalDate.of(2012, 3, 10), 487);
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", boy, null, "新增", "一级残疾", "2012-06-20"), Agency.DISABLED_FEDERATION)
                .valid().effectiveFromBirth()).isTrue();
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", boy, null, "新增", "一级残疾", "2012-08-09"), Agency.DISABLED_FEDERATION)
                .valid().effectiveFromBirth()).as("221 days after 1 January").isFalse();
        // an infant's records show the county alone: the 21 days stand (a 低保 family's baby certified in its third month)
        String baby = IdNumbers.of(Liancheng.REGION, LocalDate.of(2017, 9, 5), 485);
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", baby, null, "新增", "农村低保", "2017-11-20"), Agency.CIVIL_AFFAIRS)
                .valid().effectiveFromBirth()).isFalse();
    }

    /**
     * A number shown as the county alone says born after the year before the first collection day (2016-09-01 here): a go-live
     * list's 低保 dated 2016-09-12 for a girl born on the 5th, beside her enrolment's sex, left 11 x 500 = 5,500 numbers.
     */
    @Test
    void aDateJustAfterTheMasksThresholdTravelsAsTheBirths() {
        String girl = IdNumbers.of(Liancheng.REGION, LocalDate.of(2016, 9, 5), 486);
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", girl, null, "新增", "农村低保", "2016-09-12"), Agency.CIVIL_AFFAIRS)
                .valid().effectiveFromBirth()).isTrue();
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", girl, null, "新增", "农村低保", "2016-09-23"), Agency.CIVIL_AFFAIRS)
                .valid().effectiveFromBirth()).as("21 days after the threshold's next day").isFalse();
    }

    /** The names our own lists print for a category are read back too. */
    @Test
    void theNamesOurListsPrintAreReadBack() {
        assertThat(check(new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, "新增", "一、二级残疾人", "2017-10-15"),
                Agency.DISABLED_FEDERATION).valid().category()).isEqualTo(AssistanceCategory.DISABILITY_SEVERE);
    }

    private AdjustmentRowInput dated(String effectiveDate) {
        return new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, "ADD", "ORPHAN", effectiveDate);
    }

    private AdjustmentRowInput row(String category) {
        return new AdjustmentRowInput("350825100", "莲峰村", idNumber, null, "ADD", category, "2017-10-15");
    }

    private static CheckedRow check(AdjustmentRowInput input, Agency agency) {
        return AdjustmentRowRule.check(3, input, agency, TODAY, LIANCHENG, region -> List.of(), LocalDate.of(2017, 9, 1), idNumber -> List.of());
    }
}
