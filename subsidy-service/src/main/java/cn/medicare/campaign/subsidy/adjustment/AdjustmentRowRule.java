package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.subsidy.campaign.CampaignStore;
import cn.medicare.campaign.kit.web.RequestValues;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checks of one list row. Agencies certify residents whether or not they have enrolled, so a
 * row is refused only for bad data or a category the calling agency does not certify (DOMAIN.md).
 */
final class AdjustmentRowRule {

    /** 乡镇代码: the county code and three digits. */
    static final Pattern TOWNSHIP_CODE = Pattern.compile("[0-9]{9}");
    private static final int QUOTED_CHARACTERS = 20;

    private AdjustmentRowRule() {
    }

    /**
     * @param today the business date, which bounds birth dates and effective dates
     * @param townshipOf the township (and its county) a campaign's targets name by this code or name
     * @param openingsOf the days the region's known campaigns opened their collection periods: what a child's birth is near
     *     ({@link NearBirthRule})
     * @param firstCollectionDay the first day any campaign known let people enrol and pay, of any region; null while none is
     *     known: whether a child shows as an infant ({@link PersonIds#maskIdNumber(String, LocalDate, LocalDate)})
     * @param newbornBoundsOf by the row's plain ID number, the days the person's enrolments under the NEWBORN case tell the
     *     birth came on or after ({@link NearBirthRule#near}); asked only of a row dated within the days that could be near
     */
    static CheckedRow check(int row, AdjustmentRowInput input, Agency agency, LocalDate today,
            Function<String, Optional<CampaignStore.Township>> townshipOf, Function<String, List<LocalDate>> openingsOf,
            LocalDate firstCollectionDay, Function<String, List<LocalDate>> newbornBoundsOf) {
        List<InputError> errors = new ArrayList<>();
        String named = strip(input.township());
        String township = null;
        String region = null;
        if (named == null) {
            errors.add(InputError.row(row, "township", "乡镇为空 (the township is empty)"));
        } else {
            Optional<CampaignStore.Township> known = townshipOf.apply(named);
            township = known.map(CampaignStore.Township::code).orElse(null);
            region = known.map(CampaignStore.Township::region).orElse(null);
            if (region == null) {
                // a code is quoted back to help the clerk; anything else typed there is not
                String code = TOWNSHIP_CODE.matcher(named).matches() ? named : "";
                errors.add(InputError.row(row, "township", "乡镇代码或名称" + code + "不在任务分解表中，或有重名 (township "
                        + (code.isEmpty() ? "name or code" : code) + " is not in any campaign's targets, or its name is not unique)"));
            }
        }
        String village = FreeText.redact(strip(input.village()));
        if (village == null) {
            errors.add(InputError.row(row, "village", "村/社区为空 (the village is empty)"));
        }
        ResidentIdCheck id = ResidentIdNumber.check(input.idNumber(), today);
        if (!id.isValid()) {
            errors.add(InputError.row(row, "idNumber", String.join("; ", id.problems())));
        }
        AdjustmentAction action = null;
        try {
            action = AdjustmentAction.parse(input.action());
        } catch (IllegalArgumentException e) {
            errors.add(InputError.row(row, "action", e.getMessage() + ": " + quoted(input.action())));
        }
        FormCategories.Named category = category(row, input.category(), agency, errors);
        LocalDate effectiveDate = FormDates.read(input.effectiveDate())
                .or(() -> FormDates.readMonth(input.effectiveDate()).map(month -> firstDayOf(month, id))).orElse(null);
        if (effectiveDate == null) {
            // never the text sent: it may be anything, a NUL or a whole ID number
            errors.add(InputError.row(row, "effectiveDate", "调整日期应为年-月-日或年-月，如 2017-10-15、2017/10/15、2017年10月15日 或 2017年10月 "
                    + "(the adjustment date is a date or a month such as 2017-10-15, 2017/10/15, 2017年10月15日 or 2017年10月)"));
        } else if (id instanceof ResidentIdCheck.Valid checked && effectiveDate.isBefore(checked.birthDate())) {
            errors.add(InputError.row(row, "effectiveDate", RequestValues.BEFORE_BIRTH));
        } else if (effectiveDate.isAfter(YearMonth.from(today).plusMonths(1).atEndOfMonth())) {
            // a monthly list tells what happened, at most what takes effect next month: 2071 for 2017 is a typo that would never assist anyone
            errors.add(InputError.row(row, "effectiveDate", "调整日期晚于下月末，请核对年份 (the adjustment date is after the end of next month: check the year)"));
        }
        List<LocalDate> openings = region == null ? List.of() : openingsOf.apply(region);
        String masked = id instanceof ResidentIdCheck.Valid checked
                ? PersonIds.maskIdNumber(checked.number(), checked.birthDate(), firstCollectionDay)
                : null;
        boolean nearBirth = id instanceof ResidentIdCheck.Valid checked && effectiveDate != null
                && effectiveDate.isBefore(checked.birthDate().plusDays(NearBirthRule.DAYS_BESIDE_THE_CHECK_CHARACTER))
                && NearBirthRule.near(effectiveDate, checked.birthDate(), openings, firstCollectionDay, masked,
                        newbornBoundsOf.apply(checked.number()));
        AdjustmentRowInput shown = nearBirth ? input.shownNearBirth() : input;
        if (!errors.isEmpty()) {
            return new CheckedRow(row, masked, shown, null, errors.stream()
                    .map(error -> InputError.row(row, error.field(), FreeText.redact(error.message())))
                    .toList());
        }
        ResidentIdCheck.Valid number = (ResidentIdCheck.Valid) id;
        ValidRow valid = new ValidRow(number.number(), township, village, region, action, category.category(),
                category.subcategory(), effectiveDate, nearBirth);
        return new CheckedRow(row, masked, shown, valid, List.of());
    }

    /**
     * What the clerk typed, enough to find it (a category's name is a few characters): a longer cell, a column pasted one
     * place over, is cut rather than kept whole in every answer and in the batch's stored outcomes.
     */
    private static String quoted(String text) {
        // starred first: a number cut in two would escape the stars and show its county and birth month
        String cell = text == null ? "" : FreeText.redact(text.strip());
        if (cell.isEmpty()) {
            return "（空） (empty)";
        }
        return cell.codePointCount(0, cell.length()) <= QUOTED_CHARACTERS ? cell
                : cell.substring(0, cell.offsetByCodePoints(0, QUOTED_CHARACTERS)) + "…";
    }

    private static FormCategories.Named category(int row, String text, Agency agency, List<InputError> errors) {
        FormCategories.Named named = FormCategories.read(text).orElse(null);
        if (named == null) {
            errors.add(InputError.row(row, "category", "未知的人员类别，应为附件3所列类别（如农村低保）或类别代码 "
                    + "(unknown assistance category: a name of 附件3 such as 农村低保, or a code such as MINIMUM_LIVING): " + quoted(text)));
            return null;
        }
        AssistanceCategory category = named.category();
        if (category.agency() != agency) {
            errors.add(InputError.row(row, "category", category + "由" + category.agency() + "认定，不由" + agency
                    + "认定 (" + category + " is certified by " + category.agency() + ", not by " + agency + ")"));
            return null;
        }
        return named;
    }

    /**
     * A month given without a day takes effect from its first day, as a monthly list's change does (低保 is granted and
     * stopped by the month); in the month the person was born, from the birth.
     */
    private static LocalDate firstDayOf(YearMonth month, ResidentIdCheck id) {
        return id instanceof ResidentIdCheck.Valid checked && YearMonth.from(checked.birthDate()).equals(month)
                ? checked.birthDate() : month.atDay(1);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
