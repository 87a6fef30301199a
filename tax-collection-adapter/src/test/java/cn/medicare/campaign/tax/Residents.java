package cn.medicare.campaign.tax;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceMode;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The events other services publish about Liancheng's residents, built with the service's own keys. */
final class Residents {

    private static final BigDecimal STANDARD = new BigDecimal("180.00");

    private final PersonIds personIds;
    private final IdNumberSealer sealer;

    Residents(PersonIds personIds, IdNumberSealer sealer) {
        this.personIds = personIds;
        this.sealer = sealer;
    }

    String personId(String idNumber) {
        return personIds.personId(idNumber);
    }

    PersonEnrolled enrolled(String idNumber, int coverageYear) {
        ResidentIdCheck.Valid id = (ResidentIdCheck.Valid) ResidentIdNumber.check(idNumber, LocalDate.of(coverageYear, 1, 1));
        return new PersonEnrolled(personId(idNumber), coverageYear, People.REGION, PersonIds.maskIdNumber(idNumber),
                sealer.seal(idNumber), "张**", id.birthDate().getYear(), id.sex(), PersonCategory.GENERAL, People.TOWNSHIP, "莲峰村",
                null, true, false, EnrolmentChannel.TOWNSHIP, LocalDate.of(coverageYear, 1, 1), null, 0, null);
    }

    /** Liancheng 2018 charges everybody 180.00; 低保 (MINIMUM_LIVING) gets 140.00 off. */
    ContributionAssessed assessed(String idNumber, int coverageYear, AssistanceCategory category) {
        BigDecimal subsidy = category == AssistanceCategory.MINIMUM_LIVING ? new BigDecimal("140.00") : BigDecimal.ZERO;
        return new ContributionAssessed(personId(idNumber), coverageYear, People.REGION, STANDARD, subsidy,
                STANDARD.subtract(subsidy), category,
                category == null ? AssessmentReason.ENROLLED : AssessmentReason.ELIGIBILITY_CHANGED);
    }

    PersonWithdrawn withdrawn(String idNumber, int coverageYear) {
        return new PersonWithdrawn(personId(idNumber), coverageYear, People.REGION, WithdrawalReason.MOVED_AWAY,
                LocalDate.of(coverageYear, 3, 1));
    }

    static CampaignDefined liancheng2018() {
        return liancheng(2018);
    }

    /** Liancheng's campaign for {@code coverageYear}, collected from September to December before it. */
    static CampaignDefined liancheng(int coverageYear) {
        BigDecimal standard = STANDARD;
        return new CampaignDefined(People.REGION, "连城县", coverageYear, 1,
                new CampaignDefined.Period(LocalDate.of(coverageYear - 1, 9, 1), LocalDate.of(coverageYear - 1, 12, 31)),
                List.of(new CampaignDefined.Extension(PersonCategory.NEWBORN, LocalDate.of(coverageYear, 1, 31))),
                new CampaignDefined.Contributions(standard, standard, standard, standard, standard),
                new BigDecimal("450.00"),
                List.of(new CampaignDefined.Assistance(List.of(AssistanceCategory.EXTREME_POVERTY), AssistanceMode.FULL, null, null),
                        new CampaignDefined.Assistance(List.of(AssistanceCategory.MINIMUM_LIVING), AssistanceMode.FIXED,
                                new BigDecimal("140.00"), null)),
                new BigDecimal("0.98"),
                List.of(new CampaignDefined.Stage(LocalDate.of(coverageYear - 1, 10, 31), new BigDecimal("0.50"), new BigDecimal("500.00"),
                        new BigDecimal("0.00"))),
                90);
    }
}
