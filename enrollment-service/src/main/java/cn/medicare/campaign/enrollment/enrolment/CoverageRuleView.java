package cn.medicare.campaign.enrollment.enrolment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The rule that decided when an enrolment's coverage starts, as the enrolment's answer and the roster entry both show it
 * (API.md {@code coverageRule {"case", "explanation"}}).
 *
 * @param coverageFrom where the start is counted from (PAYMENT_DATE, DAY_AFTER_PAYMENT: known once the person pays)
 */
record CoverageRuleView(@JsonProperty("case") String coverageCase, String coverageFrom, String explanation) {

    /** Null for an enrolment no rule decided (one taken over from before the rules were kept). */
    static CoverageRuleView of(Enrolment.Terms terms) {
        return terms.coverageCase() == null ? null
                : new CoverageRuleView(terms.coverageCase(), terms.coverageFrom() == null ? null : terms.coverageFrom().name(),
                        terms.coverageExplanation());
    }
}
