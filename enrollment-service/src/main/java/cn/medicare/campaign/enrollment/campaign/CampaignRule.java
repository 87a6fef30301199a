package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.CoverageYears;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceMode;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.Amounts;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.web.InputError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What makes a campaign and its targets acceptable, before anything is stored or published. */
final class CampaignRule {

    static final Pattern REGION = Pattern.compile("[0-9]{6}");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final int SHARE_DECIMALS = 4;
    private static final int MAX_NAME = 100;
    /**
     * The years a campaign may cover ({@link CoverageYears}), and so hold dates in, its period a year earlier: a campaign
     * copied from another year keeps its dates.
     */
    private static final String YEARS = "应在 " + (CoverageYears.FIRST - 1) + " 至 " + CoverageYears.LAST + " 年之间 / falls in "
            + (CoverageYears.FIRST - 1) + " to " + CoverageYears.LAST + ", the years a campaign may collect in and cover";
    /** A unit's people, and a county's: counties count theirs in hundreds of thousands, the largest in a few million. */
    private static final int MAX_PEOPLE = 10_000_000;
    // a waiting period longer than a coverage year would push coverage past any date the roster can hold
    private static final int MAX_WAITING_DAYS = 366;
    private static final int MAX_WAITING_MONTHS = 12;
    // a year: an enrolment in December before the coverage year still reaches the coverage year's December; a
    // certification after that counts from the next year anyway
    private static final int MAX_CERTIFICATION_MONTHS = 12;

    private CampaignRule() {
    }

    static List<InputError> check(String region, int coverageYear, CampaignRequest request) {
        List<InputError> errors = new ArrayList<>();
        checkKey(region, coverageYear, errors);
        if (!errors.isEmpty()) {
            // every date of the campaign is checked against its year: a year no calendar holds would fail them all
            return errors;
        }
        if (request.regionName() == null || request.regionName().isBlank() || request.regionName().strip().length() > MAX_NAME) {
            errors.add(InputError.field("regionName", "必填，最多 " + MAX_NAME + " 个字符 / is required, at most " + MAX_NAME
                    + " characters"));
        }
        if (request.collectionPeriod() == null) {
            errors.add(InputError.field("collectionPeriod", "必填，含开始日期和结束日期 / is required, with start and end"));
        } else {
            checkPeriodWithinTheYear(coverageYear, request.collectionPeriod(), errors);
        }
        checkContributions(request.contributions(), errors);
        nonNegative("fiscalSubsidy", request.fiscalSubsidy(), errors);
        checkAssistance(request.assistance(), errors);
        BigDecimal goal = request.participationGoal();
        if (goal == null || goal.signum() <= 0 || goal.compareTo(BigDecimal.ONE) > 0 || goal.scale() > SHARE_DECIMALS) {
            errors.add(InputError.field("participationGoal", "必填，为 0 到 1 之间的比例，如 \"0.98\" / is required, a share "
                    + "between 0 and 1 such as \"0.98\""));
        }
        checkStages(request.stages(), errors);
        if (request.stageRules() != null && Boolean.TRUE.equals(request.stageRules().cumulative())) {
            // DOMAIN.md: 分阶段算，不重复; a campaign asking otherwise would be judged per stage without being told
            errors.add(InputError.field("stageRules.cumulative", "各阶段分别考核、不累计（分阶段算，不重复），累计考核尚不支持 / stages are "
                    + "judged each on its own (not cumulative); cumulative judging is not supported"));
        }
        if (request.shortfall() != null && request.shortfall().matchingFundsPerHead() != null) {
            nonNegative("shortfall.matchingFundsPerHead", request.shortfall().matchingFundsPerHead(), errors);
        }
        if (request.shortfall() != null && request.shortfall().taxSharePerPoint() != null) {
            nonNegative("shortfall.taxSharePerPoint", request.shortfall().taxSharePerPoint(), errors);
        }
        if (request.lateEnrolmentWaitingDays() == null || request.lateEnrolmentWaitingDays() < 0
                || request.lateEnrolmentWaitingDays() > MAX_WAITING_DAYS) {
            errors.add(InputError.field("lateEnrolmentWaitingDays", "必须填写，0 至 " + MAX_WAITING_DAYS + " 天 / is required, 0 to "
                    + MAX_WAITING_DAYS + " days"));
        }
        if (request.extensions() != null && request.collectionPeriod() != null) {
            for (int i = 0; i < request.extensions().size(); i++) {
                CampaignDefined.Extension extension = request.extensions().get(i);
                if (extension == null) {
                    errors.add(InputError.field("extensions[" + i + "]", "应为延期规则 {appliesTo, bornFrom?, until}，不能为空 / is an "
                            + "extension {appliesTo, bornFrom?, until}, not null"));
                } else if (extension.until().isBefore(request.collectionPeriod().end())) {
                    errors.add(InputError.field("extensions[" + i + "].until", "延期截止日不能早于征缴期结束日 / extends the period, "
                            + "so it is on or after its end"));
                } else if (extension.until().getYear() > coverageYear) {
                    errors.add(InputError.field("extensions[" + i + "].until", "延期截止日不能晚于参保年度结束日 " + coverageYear + "-12-31 / is on or"
                            + " before the end of the coverage year, " + coverageYear + "-12-31"));
                } else if (extension.bornFrom() != null && extension.bornFrom().isAfter(extension.until())) {
                    errors.add(InputError.field("extensions[" + i + "].bornFrom", "不能晚于延期截止日 / is on or before the extension's end"));
                }
            }
        }
        checkSubsidiesWithinAmounts(request, errors);
        checkAdditions(coverageYear, request, errors);
        return errors;
    }

    /**
     * DOMAIN.md: the period runs in the year before the coverage year, extensions into it. An enrolment in the
     * period is covered from Jan 1: a period typed with the coverage year's own dates would cover months back,
     * without the late enrolment's wait, and one that ends after the year would cover nobody it enrols then.
     */
    private static void checkPeriodWithinTheYear(int coverageYear, CampaignDefined.Period period, List<InputError> errors) {
        if (period.start().getYear() >= coverageYear) {
            errors.add(InputError.field("collectionPeriod.start", "集中征缴期应在参保年度（" + coverageYear + "）开始前开始 / opens before the"
                    + " coverage year starts (" + coverageYear + "-01-01)"));
        } else if (period.start().getYear() < CoverageYears.FIRST - 1) {
            // a period typed centuries back would be half-months to rank without end, and the first day that decides every mask
            errors.add(InputError.field("collectionPeriod.start", YEARS));
        }
        if (period.end().getYear() > coverageYear) {
            errors.add(InputError.field("collectionPeriod.end", "不能晚于参保年度结束日 " + coverageYear + "-12-31 / is on or before the end of"
                    + " the coverage year, " + coverageYear + "-12-31"));
        }
    }

    /** API.md additions: each optional, each checked so that a campaign that cannot be applied is refused whole. */
    private static void checkAdditions(int coverageYear, CampaignRequest request, List<InputError> errors) {
        List<CampaignDefined.CategoryPeriod> periods = request.categoryPeriods() == null ? List.of() : request.categoryPeriods();
        Set<PersonCategory> withPeriods = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i) == null) {
                errors.add(InputError.field("categoryPeriods[" + i + "]", "应为征缴期 {appliesTo, start, end}，不能为空 / is a period "
                        + "{appliesTo, start, end}, not null"));
            } else if (!withPeriods.add(periods.get(i).appliesTo())) {
                errors.add(InputError.field("categoryPeriods[" + i + "].appliesTo", "人员类别 " + periods.get(i).appliesTo() + " 已有征缴期 / "
                        + periods.get(i).appliesTo() + " already has a period"));
            } else if (!periods.get(i).end().isBefore(LocalDate.of(coverageYear, 12, 31))) {
                errors.add(InputError.field("categoryPeriods[" + i + "].end", "应早于参保年度结束日 / is before the end of the coverage year"));
            } else if (periods.get(i).start().getYear() >= coverageYear) {
                // as the period's: one typed with the coverage year's own dates would cover its category months back, without the wait
                errors.add(InputError.field("categoryPeriods[" + i + "].start", "应在参保年度（" + coverageYear + "）开始前开始 / opens before"
                        + " the coverage year starts (" + coverageYear + "-01-01)"));
            } else if (periods.get(i).start().getYear() < CoverageYears.FIRST - 1) {
                errors.add(InputError.field("categoryPeriods[" + i + "].start", YEARS));
            }
        }
        List<CampaignDefined.SpecialCaseRule> cases = request.specialCases() == null ? List.of() : request.specialCases();
        Set<SpecialCase> withRules = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            CampaignDefined.SpecialCaseRule rule = cases.get(i);
            String at = "specialCases[" + i + "]";
            if (rule == null) {
                errors.add(InputError.field(at, "应为特殊情形规则 {case, coverageFrom, withinDays?, withinMonths?, otherwise?}，不能为空 / "
                        + "is a rule {case, coverageFrom, withinDays?, withinMonths?, otherwise?}, not null"));
                continue;
            }
            if (!withRules.add(rule.specialCase())) {
                errors.add(InputError.field(at + ".case", "特殊情形 " + rule.specialCase() + " 已有规则，每种情形只能有一条规则 / "
                        + rule.specialCase() + " already has a rule: one rule per case"));
            }
            if (rule.withinDays() != null && rule.withinMonths() != null) {
                errors.add(InputError.field(at + ".withinMonths", "期限按天或按月计算，不能同时填写 / a window is counted in days or in months, not both"));
            }
            if (rule.certificationWithinMonths() != null && !rule.specialCase().assistedWithinTheYear()) {
                errors.add(InputError.field(at + ".certificationWithinMonths", "只适用于新认定困难人员和福利机构收留儿童 / applies only to "
                        + "NEWLY_ASSISTED and WELFARE_INSTITUTION, whose case is the certification"));
            } else if (rule.certificationWithinMonths() != null && rule.certificationWithinMonths() > MAX_CERTIFICATION_MONTHS) {
                errors.add(InputError.field(at + ".certificationWithinMonths", "应为 0 至 " + MAX_CERTIFICATION_MONTHS
                        + " 个月（参保当月之后） / is 0 to " + MAX_CERTIFICATION_MONTHS + " months after the enrolment's month"));
            }
            waiting(at, rule.waitingDays(), rule.waitingMonths(), errors);
            if (rule.specialCase() == SpecialCase.NEWBORN) {
                noWaitFromTheBirth(at, rule.coverageFrom(), rule.waitingDays(), rule.waitingMonths(), errors);
            }
            if (rule.otherwise() != null) {
                waiting(at + ".otherwise", rule.otherwise().waitingDays(), rule.otherwise().waitingMonths(), errors);
                if (rule.specialCase() == SpecialCase.NEWBORN) {
                    noWaitFromTheBirth(at + ".otherwise", rule.otherwise().coverageFrom(), rule.otherwise().waitingDays(),
                            rule.otherwise().waitingMonths(), errors);
                }
            }
        }
        if (request.lateEnrolment() != null && request.lateEnrolment().waitingDays() != null
                && request.lateEnrolment().waitingDays() > MAX_WAITING_DAYS) {
            errors.add(InputError.field("lateEnrolment.waitingDays", "应为 0 至 " + MAX_WAITING_DAYS + " 天 / is 0 to " + MAX_WAITING_DAYS
                    + " days"));
        }
        if (request.assistanceCutoff() != null && request.collectionPeriod() != null
                && (request.assistanceCutoff().isBefore(request.collectionPeriod().start())
                        || request.assistanceCutoff().isAfter(LocalDate.of(coverageYear, 12, 31)))) {
            errors.add(InputError.field("assistanceCutoff", "同缴同补截止日在缴费期开始与待遇年度结束之间 / is between the period's start and the end of the coverage year"));
        }
        if (request.goals() != null) {
            share("goals.TOWNSHIP", request.goals().township(), errors);
            share("goals.SCHOOL", request.goals().school(), errors);
            share("goals.ASSISTED", request.goals().assisted(), errors);
            share("goals.NEWBORN", request.goals().newborn(), errors);
        }
        if (request.ranking() != null) {
            atLeastOne("ranking.explainAfter", request.ranking().explainAfter(), errors);
            atLeastOne("ranking.criticiseAfter", request.ranking().criticiseAfter(), errors);
        }
        if (request.agencyListDueDay() != null && (request.agencyListDueDay() < 1 || request.agencyListDueDay() > 28)) {
            errors.add(InputError.field("agencyListDueDay", "应为每月中的某一天，1 至 28 / is a day of every month, 1 to 28"));
        }
    }

    /** A count of periods in a row at the bottom: 0 would have flagged every unit, the first one too. */
    private static void atLeastOne(String field, Integer count, List<InputError> errors) {
        if (count != null && count < 1) {
            errors.add(InputError.field(field, "应为不小于 1 的整数，不设此项请留空 / is a count of at least 1; leave it out for the default"));
        }
    }

    /** A newborn's coverage from its birth after a wait: the start less the wait, both published, is the birth date (EVENTS.md). */
    private static void noWaitFromTheBirth(String at, CoverageFrom from, Integer days, Integer months, List<InputError> errors) {
        if (from == CoverageFrom.EVENT_DATE && (positive(days) || positive(months))) {
            errors.add(InputError.field(at + (positive(days) ? ".waitingDays" : ".waitingMonths"),
                    "新生儿自出生之日起享受待遇的规则不设等待期：起始日减去等待期即为出生日期 / a newborn covered from its birth has no"
                    + " waiting period: the start less the wait would be the birth date"));
        }
    }

    private static boolean positive(Integer count) {
        return count != null && count > 0;
    }

    private static void share(String field, BigDecimal goal, List<InputError> errors) {
        if (goal != null && (goal.signum() <= 0 || goal.compareTo(BigDecimal.ONE) > 0 || goal.scale() > SHARE_DECIMALS)) {
            errors.add(InputError.field(field, "应为 0 到 1 之间的比例，如 \"0.98\" / is a share between 0 and 1 such as \"0.98\""));
        }
    }

    private static void waiting(String at, Integer days, Integer months, List<InputError> errors) {
        if (days != null && days > MAX_WAITING_DAYS) {
            errors.add(InputError.field(at + ".waitingDays", "应为 0 至 " + MAX_WAITING_DAYS + " 天 / is 0 to " + MAX_WAITING_DAYS + " days"));
        }
        if (months != null && months > MAX_WAITING_MONTHS) {
            errors.add(InputError.field(at + ".waitingMonths", "应为 0 至 " + MAX_WAITING_MONTHS + " 个月 / is 0 to " + MAX_WAITING_MONTHS
                    + " months"));
        }
    }

    /** A fixed subsidy larger than every contribution could only mean a mistyped amount. */
    private static void checkSubsidiesWithinAmounts(CampaignRequest request, List<InputError> errors) {
        if (request.contributions() == null || request.assistance() == null) {
            return;
        }
        BigDecimal largest = Arrays.stream(PersonCategory.values()).map(request.contributions()::amountFor)
                .max(Comparator.naturalOrder()).orElseThrow();
        for (int i = 0; i < request.assistance().size(); i++) {
            CampaignDefined.Assistance rule = request.assistance().get(i);
            if (rule != null && rule.mode() == AssistanceMode.FIXED && rule.subsidy() != null && rule.subsidy().compareTo(largest) > 0) {
                errors.add(InputError.field("assistance[" + i + "].subsidy", "资助金额超过个人缴费标准 / is above the largest contribution, "
                        + largest.toPlainString()));
            }
        }
    }

    static List<InputError> checkTargets(String region, List<TargetRow> rows) {
        List<InputError> errors = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            errors.add(InputError.field("targets", "至少列出一个乡镇 / lists at least one township"));
            return errors;
        }
        Map<String, TargetsSet.UnitType> townshipLevel = new HashMap<>();
        for (TargetRow row : rows) {
            if (row != null && row.code() != null && row.townshipLevel()) {
                townshipLevel.putIfAbsent(row.code().strip(), row.kind());
            }
        }
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        int educationSystems = 0;
        for (int i = 0; i < rows.size(); i++) {
            TargetRow row = rows.get(i);
            String at = "targets[" + i + "]";
            if (row == null) {
                errors.add(InputError.row(i + 1, at, "应为单位的目标任务，不能为空 / is a unit's target, not null"));
                continue;
            }
            String codeField = at + (row.unit() != null ? ".unit" : ".township");
            String nameField = at + (row.unitName() != null ? ".unitName" : ".townshipName");
            String code = row.code() == null ? null : row.code().strip();
            if (row.townshipLevel()) {
                if (code == null || !code.matches("[0-9]{9}") || !code.startsWith(region)) {
                    errors.add(InputError.row(i + 1, codeField, "是以本县代码开头的 9 位乡镇代码 / is a 9-digit township code starting with the region's code"));
                }
                if (row.parent() != null) {
                    errors.add(InputError.row(i + 1, at + ".parent", "乡镇与教育系统没有上级单位 / a township or the education system has no parent"));
                }
            } else if (row.kind() == TargetsSet.UnitType.VILLAGE) {
                if (row.parent() == null || townshipLevel.get(row.parent().strip()) != TargetsSet.UnitType.TOWNSHIP) {
                    errors.add(InputError.row(i + 1, at + ".parent", "村/社区的上级是本表中的乡镇 / a village's parent is a township of this table"));
                } else if (code == null || !code.matches("[0-9]{12}") || !code.startsWith(row.parent().strip())) {
                    errors.add(InputError.row(i + 1, codeField, "是以所属乡镇代码开头的 12 位村级代码 / is a 12-digit village code starting with its township's"));
                }
            } else {
                if (code == null || !code.matches("[0-9A-Za-z_-]{1,32}")) {
                    errors.add(InputError.row(i + 1, codeField, "学校代码为 1-32 位字母或数字 / is a school code of 1 to 32 letters or digits"));
                } else if (IdNumberLeaks.containsIdNumber(code)) {
                    // a column shifted by one puts an ID number here: published as a unit code, it would travel in plain
                    errors.add(InputError.row(i + 1, codeField, "学校代码不能是身份证号码 / is a school code, not an ID number"));
                }
                if (row.parent() != null && townshipLevel.get(row.parent().strip()) == null) {
                    errors.add(InputError.row(i + 1, at + ".parent", "学校的上级是本表中的乡镇或教育系统 / a school's parent is a township or the education system of this table"));
                }
            }
            if (code != null && !codes.add(code)) {
                errors.add(InputError.row(i + 1, codeField, "单位 " + FreeText.redact(code) + " 重复出现 / unit " + FreeText.redact(code) + " appears twice"));
            }
            String name = row.name() == null ? null : row.name().strip();
            if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
                errors.add(InputError.row(i + 1, nameField, "必填，最多 " + MAX_NAME + " 个字符 / is required, at most " + MAX_NAME
                        + " characters"));
            } else if (!row.townshipLevel() && !names.add(row.kind() + "|"
                    + (row.kind() == TargetsSet.UnitType.VILLAGE && row.parent() != null ? row.parent().strip() : "") + "|" + name)) {
                // the roster names a village and a school, not their codes: two units of one name could not be told apart
                errors.add(InputError.row(i + 1, nameField, "同一乡镇的村、同一县的学校不能重名 / names a unit twice: " + FreeText.redact(name)));
            }
            checkCount(row.targetOrPopulation(), i, at + ".target", true, errors);
            checkCount(row.eVoucherTarget(), i, at + ".eVoucherTarget", false, errors);
            checkCount(row.targetLocalHukou(), i, at + ".targetLocalHukou", false, errors);
            checkCount(row.targetNonLocal(), i, at + ".targetNonLocal", false, errors);
            checkPart(row.targetLocalHukou(), row.target(), i, at + ".targetLocalHukou", errors);
            checkPart(row.targetNonLocal(), row.target(), i, at + ".targetNonLocal", errors);
            if (row.target() != null && row.targetLocalHukou() != null && row.targetNonLocal() != null
                    && row.targetLocalHukou() + row.targetNonLocal() != row.target()) {
                errors.add(InputError.row(i + 1, at + ".target", "本地户籍与外地持居住证之和应等于应参保人数 / is targetLocalHukou + targetNonLocal ("
                        + (row.targetLocalHukou() + row.targetNonLocal()) + ")"));
            }
            if (row.kind() == TargetsSet.UnitType.EDUCATION_SYSTEM && ++educationSystems > 1) {
                errors.add(InputError.row(i + 1, at + ".type", "一个县只有一个教育系统 / a county has one education system"));
            }
        }
        if (errors.isEmpty() && townshipLevel.isEmpty()) {
            errors.add(InputError.field("targets", "至少列出一个乡镇 / lists at least one township"));
        }
        // the figures add the units of a level up: a county's units of one level hold at most the county's people
        Map<Boolean, Map<TargetsSet.UnitType, Long>> byLevel = rows.stream().filter(row -> row != null && row.targetOrPopulation() != null)
                .collect(Collectors.partitioningBy(TargetRow::townshipLevel, Collectors.groupingBy(TargetRow::kind,
                        Collectors.summingLong(TargetRow::targetOrPopulation))));
        long townships = byLevel.get(true).values().stream().mapToLong(Long::longValue).sum();
        if (errors.isEmpty() && (townships > MAX_PEOPLE || byLevel.get(false).values().stream().anyMatch(sum -> sum > MAX_PEOPLE))) {
            errors.add(InputError.field("targets", "全县同一级单位的应参保人数合计不能超过 " + MAX_PEOPLE + " / a county's units of one level "
                    + "add up to at most " + MAX_PEOPLE + " people"));
        }
        return errors;
    }

    /** A part of a split target (local hukou, non-local with a residence permit) given alone is still within the whole. */
    private static void checkPart(Integer part, Integer target, int i, String field, List<InputError> errors) {
        if (part != null && target != null && part > target) {
            errors.add(InputError.row(i + 1, field, "不能大于应参保人数 " + target + " / is at most the unit's target, " + target));
        }
    }

    private static void checkCount(Integer count, int i, String field, boolean required, List<InputError> errors) {
        if (count == null ? required : count < 0 || count > MAX_PEOPLE) {
            errors.add(InputError.row(i + 1, field, "应为 0 至 " + MAX_PEOPLE + " 的整数人数 / is 0 to " + MAX_PEOPLE + " people"));
        }
    }

    static void checkKey(String region, int coverageYear, List<InputError> errors) {
        if (!REGION.matcher(region).matches()) {
            errors.add(InputError.field("region", "应为 6 位县（区）代码，如 350825 / is a 6-digit county code such as 350825"));
        }
        if (!CoverageYears.known(coverageYear)) {
            errors.add(InputError.field("coverageYear", "应为年份，如 2018 / is a year such as 2018"));
        }
    }

    private static void checkContributions(CampaignDefined.Contributions contributions, List<InputError> errors) {
        if (contributions == null) {
            errors.add(InputError.field("contributions", "必填，须列出 GENERAL、STUDENT、MINOR、COLLEGE_STUDENT 和 NEWBORN 的缴费标准 / "
                    + "is required, with an amount for GENERAL, STUDENT, MINOR, COLLEGE_STUDENT and NEWBORN"));
            return;
        }
        for (PersonCategory category : PersonCategory.values()) {
            nonNegative("contributions." + category, contributions.amountFor(category), errors);
        }
    }

    private static void checkAssistance(List<CampaignDefined.Assistance> assistance, List<InputError> errors) {
        if (assistance == null) {
            errors.add(InputError.field("assistance", "必填（无资助对象时为空列表） / is required (an empty list when nobody is assisted)"));
            return;
        }
        Set<AssistanceCategory> covered = new HashSet<>();
        for (int i = 0; i < assistance.size(); i++) {
            CampaignDefined.Assistance rule = assistance.get(i);
            String at = "assistance[" + i + "]";
            if (rule == null) {
                errors.add(InputError.field(at, "应为资助规则 {categories, mode, subsidy 或 percent}，资助类别须为已知类别 / "
                        + "is a rule {categories, mode, subsidy or percent} naming known categories"));
                continue;
            }
            if (rule.categories().isEmpty()) {
                errors.add(InputError.field(at + ".categories", "至少列出一个资助类别 / names at least one assistance category"));
            }
            rule.categories().stream().filter(category -> !covered.add(category)).forEach(category ->
                    errors.add(InputError.field(at + ".categories", "资助类别 " + category + " 已有规则，每个类别只能有一条规则 / "
                            + category + " already has a rule: one rule per category")));
            if (rule.mode() == AssistanceMode.FIXED) {
                nonNegative(at + ".subsidy", rule.subsidy(), errors);
            }
            if (rule.mode() == AssistanceMode.PERCENT
                    && (rule.percent().signum() < 0 || rule.percent().compareTo(HUNDRED) > 0 || rule.percent().scale() > SHARE_DECIMALS)) {
                errors.add(InputError.field(at + ".percent", "应在 0 到 100 之间，最多 " + SHARE_DECIMALS + " 位小数 / is between 0 and 100, "
                        + "at most " + SHARE_DECIMALS + " decimals"));
            }
        }
    }

    private static void checkStages(List<CampaignDefined.Stage> stages, List<InputError> errors) {
        if (stages == null) {
            errors.add(InputError.field("stages", "必填（无阶段目标时为空列表） / is required (an empty list when there are no staged targets)"));
            return;
        }
        Set<String> judged = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            CampaignDefined.Stage stage = stages.get(i);
            if (stage == null) {
                errors.add(InputError.field("stages[" + i + "]", "应为阶段目标 {deadline, threshold, reward, penaltyPerPoint}，不能为空 / "
                        + "is a stage {deadline, threshold, reward, penaltyPerPoint}, not null"));
                continue;
            }
            if (stage.threshold().signum() < 0 || stage.threshold().compareTo(BigDecimal.ONE) > 0 || stage.threshold().scale() > SHARE_DECIMALS) {
                errors.add(InputError.field("stages[" + i + "].threshold", "应为 0 到 1 之间的比例，最多 " + SHARE_DECIMALS + " 位小数 / "
                        + "is a share between 0 and 1, at most " + SHARE_DECIMALS + " decimals"));
            }
            if (stage.deadline().getYear() < CoverageYears.FIRST - 1 || stage.deadline().getYear() > CoverageYears.LAST) {
                errors.add(InputError.field("stages[" + i + "].deadline", YEARS));
            }
            nonNegative("stages[" + i + "].reward", stage.reward(), errors);
            nonNegative("stages[" + i + "].penaltyPerPoint", stage.penaltyPerPoint(), errors);
            if (stage.measure() == CampaignDefined.Stage.Measure.GOAL) {
                errors.add(InputError.field("stages[" + i + "].measure", "应为 ENROLMENT 或 E_VOUCHER（参保率目标在征缴期结束时按方案的"
                        + "差额规则考核） / is ENROLMENT or E_VOUCHER (the goal is judged at the end of the "
                        + "period, with the campaign's shortfall)"));
            }
            // each stage is settled once at its deadline: two of one measure on one day could not be told apart
            if (!judged.add(stage.deadline() + "|" + stage.measureOrDefault())) {
                errors.add(InputError.field("stages[" + i + "].deadline", "同一考核内容同一截止日只能有一个阶段 / another stage of the same "
                        + "measure ends on " + stage.deadline()));
            }
        }
    }

    /** An amount in yuan: never negative, fen at most, and of a size a county's policy can have. */
    private static void nonNegative(String field, BigDecimal amount, List<InputError> errors) {
        if (amount == null) {
            errors.add(InputError.field(field, "必填 / is required"));
        } else if (amount.signum() < 0) {
            errors.add(InputError.field(field, "不能为负数 / must not be negative"));
        } else if (Amounts.tooLarge(amount) || Amounts.finerThanFen(amount)) {
            errors.add(InputError.field(field, "金额以元为单位，如 \"180.00\"，最多两位小数、整数部分最多 10 位 / "
                    + "is an amount in yuan such as \"180.00\": at most 2 decimals and 10 digits before the point"));
        }
    }
}
