package cn.medicare.campaign.subsidy.eligibility;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.time.LocalDate;

/**
 * 资助身份认定: one accepted row of an agency list about one person.
 *
 * @param sequence the order in which rows were recorded: decides between an ADD and an EXIT of one day
 */
public record Certification(AssistanceCategory category, AdjustmentAction action, LocalDate effectiveDate, long sequence,
        String region) {

    public Certification {
        requireNonNull(category, "category");
        requireNonNull(action, "action");
        requireNonNull(effectiveDate, "effectiveDate");
    }

    /** Whether it counts for an enrolment in the county: its own county's, or one certified before the county was kept. */
    boolean countsIn(String enrolmentRegion) {
        return region == null || region.equals(enrolmentRegion);
    }
}
