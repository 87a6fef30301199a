package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceMode;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 年度参保缴费政策: a county's campaign for one coverage year, replaced as a whole by a higher
 * {@code version}. Every figure is policy configuration, so none of them is a constant in code.
 */
public record CampaignDefined(
        String region,
        String regionName,
        int coverageYear,
        int version,
        Period collectionPeriod,
        List<Extension> extensions,
        Contributions contributions,
        BigDecimal fiscalSubsidy,
        List<Assistance> assistance,
        BigDecimal participationGoal,
        List<Stage> stages,
        int lateEnrolmentWaitingDays) implements Event {

    public CampaignDefined {
        requireNonNull(region, "region");
        requireNonNull(regionName, "regionName");
        requireNonNull(collectionPeriod, "collectionPeriod");
        extensions = List.copyOf(requireNonNull(extensions, "extensions"));
        requireNonNull(contributions, "contributions");
        fiscalSubsidy = Amounts.yuan(requireNonNull(fiscalSubsidy, "fiscalSubsidy"));
        assistance = List.copyOf(requireNonNull(assistance, "assistance"));
        requireNonNull(participationGoal, "participationGoal");
        stages = List.copyOf(requireNonNull(stages, "stages"));
    }

    @Override
    public EventType type() {
        return EventType.CAMPAIGN_DEFINED;
    }

    /** One key per event type on the compacted topic, so that compaction keeps the targets too. */
    @Override
    public String key() {
        return region + ":" + coverageYear + ":campaign";
    }

    /** 集中参保缴费期, both days included. */
    public record Period(LocalDate start, LocalDate end) {

        public Period {
            requireNonNull(start, "start");
            requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("a collection period ends on or after its start");
            }
        }
    }

    /** 延长缴费期: a later deadline for one person category. */
    public record Extension(PersonCategory appliesTo, LocalDate until) {

        public Extension {
            requireNonNull(appliesTo, "appliesTo");
            requireNonNull(until, "until");
        }
    }

    /** 个人缴费标准 per person category, in yuan. */
    public record Contributions(
            @JsonProperty("GENERAL") BigDecimal general,
            @JsonProperty("STUDENT") BigDecimal student,
            @JsonProperty("MINOR") BigDecimal minor,
            @JsonProperty("COLLEGE_STUDENT") BigDecimal collegeStudent,
            @JsonProperty("NEWBORN") BigDecimal newborn) {

        public Contributions {
            general = Amounts.yuan(requireNonNull(general, "GENERAL"));
            student = Amounts.yuan(requireNonNull(student, "STUDENT"));
            minor = Amounts.yuan(requireNonNull(minor, "MINOR"));
            collegeStudent = Amounts.yuan(requireNonNull(collegeStudent, "COLLEGE_STUDENT"));
            newborn = Amounts.yuan(requireNonNull(newborn, "NEWBORN"));
        }

        /** The standard amount a person of this category owes before any assistance. */
        public BigDecimal amountFor(PersonCategory category) {
            return switch (category) {
                case GENERAL -> general;
                case STUDENT -> student;
                case MINOR -> minor;
                case COLLEGE_STUDENT -> collegeStudent;
                case NEWBORN -> newborn;
            };
        }
    }

    /**
     * 资助标准 for some assistance categories: {@code subsidy} is required for FIXED and
     * {@code percent} (of the standard amount, e.g. "50") for PERCENT.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assistance(
            List<AssistanceCategory> categories, AssistanceMode mode, BigDecimal subsidy, BigDecimal percent) {

        public Assistance {
            categories = List.copyOf(requireNonNull(categories, "categories"));
            requireNonNull(mode, "mode");
            if (mode == AssistanceMode.FIXED) {
                requireNonNull(subsidy, "subsidy");
            }
            if (mode == AssistanceMode.PERCENT) {
                requireNonNull(percent, "percent");
            }
            subsidy = subsidy == null ? null : Amounts.yuan(subsidy);
        }
    }

    /**
     * 阶段性目标: the participation rate ({@code threshold}, e.g. "0.50") a township must reach by
     * the deadline, its reward and the penalty per percentage point below it.
     */
    public record Stage(LocalDate deadline, BigDecimal threshold, BigDecimal reward, BigDecimal penaltyPerPoint) {

        public Stage {
            requireNonNull(deadline, "deadline");
            requireNonNull(threshold, "threshold");
            reward = Amounts.yuan(requireNonNull(reward, "reward"));
            penaltyPerPoint = Amounts.yuan(requireNonNull(penaltyPerPoint, "penaltyPerPoint"));
        }
    }
}
