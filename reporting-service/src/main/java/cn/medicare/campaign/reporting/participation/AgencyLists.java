package cn.medicare.campaign.reporting.participation;

/**
 * 资助参保名单: the agencies' monthly lists as every figure and list reads them (a method, not one of the
 * {@code Definitions} constants: those are inlined where used, a method call would tie this package to the read
 * model's, which already depends on this one for its gauges).
 */
public final class AgencyLists {

    /**
     * The agencies' lists as they stand on the day named by {@code day} (a parameter, {@code :today} or {@code :day}): one row
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
    public static String latestRows(String day, boolean someCategories) {
        return """
                select distinct on (person_id, category) person_id, category, case when ended then 'EXIT' else action end as action,
                       township, village, effective_date
                from (select adjustment.*, adjustment.action = 'EXIT' or coalesce(case when adjustment.subcategory = ''
                                 then max(effective_date) filter (where action = 'EXIT') over person_category
                                 else greatest(max(effective_date) filter (where action = 'EXIT' and subcategory = '') over person_category,
                                               max(effective_date) filter (where action = 'EXIT') over person_subcategory)
                             end >= adjustment.effective_date, false) as ended
                      from eligibility_adjustment adjustment
                      where adjustment.region = :region and\s""" + forTheYear() + """

                        and adjustment.effective_date <=\s""" + day + (someCategories ? " and adjustment.category in (:categories)" : "") + """

                        and not exists (select 1 from person_year dead where dead.person_id = adjustment.person_id
                                        and dead.withdrawal_reason = 'DECEASED' and dead.withdrawn_on <=\s""" + day + ")" + """

                      window person_category as (partition by person_id, category),
                             person_subcategory as (partition by person_id, category, subcategory)
                     ) adjustment
                order by person_id, category, ended, effective_date desc, action desc, subcategory, batch_id""";
    }

    /**
     * Whether a row counts for {@code :coverageYear}: effective by the campaign's assistance cut-off (同缴同补; the collection
     * period's end where it names none), as subsidy-service assesses by. The cut-off of the campaign's latest version, so a
     * version that moves it moves the rows with it, whatever year the row's event was given when it came; while the
     * campaign is not known here, that year.
     */
    private static String forTheYear() {
        return "coalesce(adjustment.effective_date <= (select coalesce(definition->>'assistanceCutoff', "
                + "definition->'collectionPeriod'->>'end')::date from campaign where campaign.region = :region "
                + "and campaign.coverage_year = :coverageYear), adjustment.coverage_year <= :coverageYear)";
    }

    private AgencyLists() {
    }
}
