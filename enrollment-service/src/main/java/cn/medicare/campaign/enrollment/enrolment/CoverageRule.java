package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.time.LocalDate;
import java.time.Period;

/**
 * When a resident's coverage (待遇享受期) starts, by the campaign's periods: within the collection
 * period (or its extension for the person's category) from January 1 of the coverage year, a
 * newborn from birth; afterwards only after the campaign's waiting period.
 */
final class CoverageRule {

    private static final int ADULT_AGE = 18;

    private CoverageRule() {
    }

    record Coverage(LocalDate start, int waitingPeriodDays) {
    }

    /** The category a resident gets when the clerk names none: by age at the start of the collection period. */
    static PersonCategory defaultCategory(LocalDate birthDate, CampaignDefined campaign) {
        LocalDate periodStart = campaign.collectionPeriod().start();
        if (birthDate.isAfter(periodStart)) {
            return PersonCategory.NEWBORN;
        }
        return Period.between(birthDate, periodStart).getYears() < ADULT_AGE ? PersonCategory.MINOR : PersonCategory.GENERAL;
    }

    static Coverage coverage(LocalDate enrolledOn, PersonCategory category, LocalDate birthDate, CampaignDefined campaign) {
        LocalDate yearStart = LocalDate.of(campaign.coverageYear(), 1, 1);
        if (!enrolledOn.isAfter(deadline(category, campaign))) {
            boolean bornInTheYear = category == PersonCategory.NEWBORN && birthDate.isAfter(yearStart);
            return new Coverage(bornInTheYear ? birthDate : yearStart, 0);
        }
        int waiting = campaign.lateEnrolmentWaitingDays();
        LocalDate afterWaiting = enrolledOn.plusDays(waiting);
        return new Coverage(afterWaiting.isAfter(yearStart) ? afterWaiting : yearStart, waiting);
    }

    private static LocalDate deadline(PersonCategory category, CampaignDefined campaign) {
        LocalDate deadline = campaign.collectionPeriod().end();
        for (CampaignDefined.Extension extension : campaign.extensions()) {
            if (extension.appliesTo() == category && extension.until().isAfter(deadline)) {
                deadline = extension.until();
            }
        }
        return deadline;
    }
}
