package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * 资助参保名单: the agencies' monthly lists as every figure and list reads them (a method, not one of the
 * {@code Definitions} constants: those are inlined where used, a method call would tie this package to the read
 * model's, which already depends on this one for its gauges).
 */
public final class AgencyLists {

    /**
     * The agencies' lists as they stand today ({@code live}: {@code :today}) or on a past moment's day ({@code :day}, and
     * {@code :at} its instant): one row
     * per person and category of {@code :region}, of the rows that count for {@code :coverageYear} ({@link #forTheYear})
     * effective by then. A person
     * holds the category while an ADD of it stands that no EXIT effective the same day or later ends: an EXIT ends the ADDs
     * of its subcategory and those naming the category alone, and one naming the category alone ends them all, so an ADD
     * and an EXIT of one day end in EXIT while a 农转城 transfer (EXIT 农村低保, ADD 城镇低保) keeps the person's 低保, as
     * subsidy-service's {@code HeldCategoriesRule} decides. The row is then the latest ADD standing, saying ADD; else the
     * latest row, saying EXIT (the EXITs' latest days per category and subcategory, one scan, no lookup per row).
     * With {@code someCategories}, only those of {@code :categories}. A person the roster withdrew
     * as dead by then holds nothing, in a later year without an enrolment too (a death list names people the agencies'
     * lists still hold). Columns: person_id, category, action, township, village, effective_date.
     */
    public static String latestRows(boolean live, boolean someCategories) {
        String day = live ? ":today" : ":day";
        return """
                select distinct on (person_id, category) person_id, category, case when ended then 'EXIT' else action end as action,
                       township, village, effective_date
                from (select adjustment.*, adjustment.action = 'EXIT' or coalesce(case when adjustment.subcategory = ''
                                 then max(effective_date) filter (where action = 'EXIT') over person_category
                                 else greatest(max(effective_date) filter (where action = 'EXIT' and subcategory = '') over person_category,
                                               max(effective_date) filter (where action = 'EXIT') over person_subcategory)
                             end >= adjustment.effective_date, false) as ended
                      from eligibility_adjustment adjustment
                      where adjustment.region = :region and\s""" + forTheYear(live) + """

                        and adjustment.effective_date <=\s""" + day + (someCategories ? " and adjustment.category in (:categories)" : "") + """

                        and not exists (select 1 from person_year dead where dead.person_id = adjustment.person_id
                                        and dead.withdrawal_reason = 'DECEASED' and dead.withdrawn_on <=\s""" + day + ")" + """

                      window person_category as (partition by person_id, category),
                             person_subcategory as (partition by person_id, category, subcategory)
                     ) adjustment
                order by person_id, category, ended, effective_date desc, action desc, subcategory, batch_id""";
    }

    /** The assistance cut-off of the campaign's latest version (the collection period's end where it names none). */
    private static final String CUTOFF = "(select coalesce(definition->>'assistanceCutoff', definition->'collectionPeriod'->>'end')::date"
            + " from campaign where campaign.region = :region and campaign.coverage_year = :coverageYear)";

    /**
     * Whether a row counts for {@code :coverageYear}: effective by the campaign's assistance cut-off (同缴同补), as
     * subsidy-service assesses by. The cut-off of the campaign's latest version, so a version that moves it moves the rows
     * with it, whatever year the row's event was given when it came; while the campaign is not known here, that year.
     * Besides, an addition after the cut-off that a person enrolled on, as subsidy-service's {@code HeldCategoriesRule}
     * counts it ({@link #ledTo}), unless an EXIT of the same day ends it: an EXIT after the cut-off ends nothing else for
     * the year, so it is not among the rows. A row effective from the birth ({@code -infinity}: its date does not travel)
     * counts from the year its event was given, which subsidy-service read from the date it keeps: a baby certified from a
     * birth after the cut-off counts from the next year.
     */
    private static String forTheYear(boolean live) {
        return "(case when adjustment.effective_date = '-infinity' then adjustment.coverage_year <= :coverageYear"
                + " else coalesce(adjustment.effective_date <= " + CUTOFF + ", adjustment.coverage_year <= :coverageYear) end"
                + " or adjustment.action = 'ADD' and adjustment.effective_date > " + CUTOFF
                + " and extract(year from adjustment.effective_date) <= :coverageYear"
                + " and adjustment.effective_date <= " + ledTo(live)
                + " and not exists (select 1 from eligibility_adjustment ending where ending.person_id = adjustment.person_id"
                + " and ending.region = :region and ending.action = 'EXIT' and ending.category = adjustment.category"
                + " and ending.effective_date = adjustment.effective_date"
                + " and (ending.subcategory = '' or adjustment.subcategory = '' or ending.subcategory = adjustment.subcategory)))";
    }

    /**
     * 新认定困难人员, 福利机构收留儿童: for a person enrolled for the year in this county under a case that is the certification
     * itself, registered by then as the figures count them ({@link Definitions#REGISTERED} today, {@link Definitions#REGISTERED_BY}
     * at a past moment), the last day an addition after the cut-off counts for the year: the enrolment's day where one of a
     * category the campaign assists had taken effect by then (no other led to the enrolment), else the first one after it if
     * it takes effect by the end of the campaign's months after the
     * enrolment's month ({@code certificationWithinMonths} of the case's rule, else {@link CampaignDefined#CERTIFICATION_WITHIN_MONTHS}),
     * else the enrolment's day. Null for anyone else: the additions after the cut-off count from the next year.
     */
    private static String ledTo(boolean live) {
        String assistedCases = Arrays.stream(SpecialCase.values()).filter(SpecialCase::assistedWithinTheYear)
                .map(specialCase -> "'" + specialCase.name() + "'").collect(Collectors.joining(", "));
        String withinMonths = "coalesce((select (rule->>'certificationWithinMonths')::int"
                + " from campaign, json_array_elements(campaign.definition->'specialCases') with ordinality as rules(rule, position)"
                + " where campaign.region = :region and campaign.coverage_year = :coverageYear and rule->>'case' = person_year.coverage_rule"
                + " and rule->>'certificationWithinMonths' is not null order by position limit 1), "
                + CampaignDefined.CERTIFICATION_WITHIN_MONTHS + ")";
        return """
                (select case when first.day is null or first.day <= person_year.enrolled_on
                               or first.day > (date_trunc('month', person_year.enrolled_on) + make_interval(months => %s + 1))::date - 1
                             then person_year.enrolled_on else first.day end
                 from person_year,
                      lateral (select min(addition.effective_date) as day from eligibility_adjustment addition
                               where addition.person_id = person_year.person_id and addition.region = :region and addition.action = 'ADD'
                                 and addition.effective_date > %s and extract(year from addition.effective_date) <= :coverageYear
                                 and addition.category in (select json_array_elements_text(rule->'categories')
                                                           from campaign, json_array_elements(campaign.definition->'assistance') as rule
                                                           where campaign.region = :region
                                                             and campaign.coverage_year = :coverageYear)) first
                 where person_year.person_id = adjustment.person_id and person_year.coverage_year = :coverageYear
                   and person_year.region = :region and person_year.coverage_rule in (%s) and %s)"""
                .formatted(withinMonths, CUTOFF, assistedCases, live ? Definitions.REGISTERED : Definitions.REGISTERED_BY);
    }

    private AgencyLists() {
    }
}
