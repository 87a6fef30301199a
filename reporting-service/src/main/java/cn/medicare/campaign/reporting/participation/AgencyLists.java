package cn.medicare.campaign.reporting.participation;

/**
 * 资助参保名单: the agencies' monthly lists as every figure and list reads them (a method, not one of the
 * {@code Definitions} constants: those are inlined where used, a method call would tie this package to the read
 * model's, which already depends on this one for its gauges).
 */
public final class AgencyLists {

    /**
     * The agencies' lists as they stand on the day named by {@code day} (a parameter, {@code :today} or {@code :day}): the
     * latest row per person and category of {@code :region} for a coverage year up to {@code :coverageYear} effective by
     * then, an EXIT winning over an ADD of the same day; a person holds the category while it says ADD. With
     * {@code someCategories}, only those of {@code :categories}. A person the roster withdrew as dead by then holds
     * nothing, in a later year without an enrolment too (a death list names people the agencies' lists still hold).
     * Columns: person_id, category, action, township, village, effective_date.
     */
    public static String latestRows(String day, boolean someCategories) {
        return """
                select distinct on (person_id, category) person_id, category, action, township, village, effective_date
                from eligibility_adjustment
                where region = :region and coverage_year <= :coverageYear and effective_date <=\s"""
                + day + (someCategories ? " and category in (:categories)" : "") + """

                  and not exists (select 1 from person_year dead where dead.person_id = eligibility_adjustment.person_id
                                  and dead.withdrawal_reason = 'DECEASED' and dead.withdrawn_on <=\s""" + day + ")" + """

                order by person_id, category, effective_date desc, action desc""";
    }

    private AgencyLists() {
    }
}
