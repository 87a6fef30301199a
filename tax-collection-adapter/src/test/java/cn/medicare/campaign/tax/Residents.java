package cn.medicare.campaign.tax;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.fixtures.Liancheng;
import java.math.BigDecimal;
import java.time.LocalDate;

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
        return enrolled(idNumber, coverageYear, PersonIds.maskIdNumber(idNumber));
    }

    /** Enrolled under this mask: the county alone, say, as enrollment announces a child. */
    PersonEnrolled enrolled(String idNumber, int coverageYear, String idNumberMasked) {
        ResidentIdCheck.Valid id = (ResidentIdCheck.Valid) ResidentIdNumber.check(idNumber, LocalDate.of(coverageYear, 1, 1));
        return new PersonEnrolled(personId(idNumber), coverageYear, Liancheng.REGION, idNumberMasked,
                sealer.seal(idNumber), "张**", id.birthDate().getYear(), id.sex(), PersonCategory.GENERAL, Liancheng.LIANFENG, "莲峰村",
                null, true, false, EnrolmentChannel.TOWNSHIP, LocalDate.of(coverageYear, 1, 1), null, 0, null);
    }

    /** A newborn of the year covered from its birth, as enrollment announces it: the county alone, no birth year, no start. */
    PersonEnrolled enrolledFromBirth(String idNumber, int coverageYear) {
        ResidentIdCheck.Valid id = (ResidentIdCheck.Valid) ResidentIdNumber.check(idNumber, LocalDate.of(coverageYear, 12, 31));
        return new PersonEnrolled(personId(idNumber), coverageYear, Liancheng.REGION, PersonIds.maskIdNumberToCounty(idNumber),
                sealer.seal(idNumber), "张**", null, id.sex(), PersonCategory.NEWBORN, Liancheng.LIANFENG, "莲峰村",
                null, true, false, EnrolmentChannel.TOWNSHIP, null, true, 0, null);
    }

    /** Enrolled where the coverage starts on the day after the payment (Gaolou's special cases): announced at settlement. */
    PersonEnrolled enrolledCoveredFromPayment(String idNumber, int coverageYear) {
        return enrolledCoveredAtPayment(idNumber, coverageYear, CoverageFrom.DAY_AFTER_PAYMENT, 0, "MILITARY_DISCHARGE");
    }

    /** Enrolled after the collection period where the waiting counts from the payment (Yueyang's late enrolment). */
    PersonEnrolled enrolledLateWaitingFromPayment(String idNumber, int coverageYear, int waitingDays) {
        return enrolledCoveredAtPayment(idNumber, coverageYear, CoverageFrom.PAYMENT_DATE, waitingDays, "LATE_ENROLMENT");
    }

    /** {@link #enrolledLateWaitingFromPayment} on the day given. */
    PersonEnrolled enrolledLateWaitingFromPayment(String idNumber, int coverageYear, int waitingDays, LocalDate enrolledOn) {
        return enrolledCoveredAtPayment(idNumber, coverageYear, CoverageFrom.PAYMENT_DATE, waitingDays, "LATE_ENROLMENT", enrolledOn);
    }

    /** {@link #enrolled(String, int)} on the day given, as enrollment-service announces every enrolment. */
    PersonEnrolled enrolledOn(String idNumber, int coverageYear, LocalDate enrolledOn) {
        PersonEnrolled enrolled = enrolled(idNumber, coverageYear);
        return new PersonEnrolled(enrolled.personId(), coverageYear, enrolled.region(), enrolled.idNumberMasked(), enrolled.idNumberSealed(),
                enrolled.nameMasked(), enrolled.birthYear(), enrolled.sex(), enrolled.personCategory(), enrolled.township(), enrolled.village(),
                null, true, false, EnrolmentChannel.TOWNSHIP, enrolled.coverageStart(), null, 0, enrolledOn);
    }

    /** {@link #enrolledCoveredFromPayment} on another day than the first of the year. */
    PersonEnrolled enrolledCoveredFromPayment(String idNumber, int coverageYear, LocalDate enrolledOn) {
        return enrolledCoveredAtPayment(idNumber, coverageYear, CoverageFrom.DAY_AFTER_PAYMENT, 0, "MILITARY_DISCHARGE", enrolledOn);
    }

    private PersonEnrolled enrolledCoveredAtPayment(String idNumber, int coverageYear, CoverageFrom from, int waitingDays, String rule) {
        return enrolledCoveredAtPayment(idNumber, coverageYear, from, waitingDays, rule, LocalDate.of(coverageYear, 1, 1));
    }

    private PersonEnrolled enrolledCoveredAtPayment(String idNumber, int coverageYear, CoverageFrom from, int waitingDays, String rule,
            LocalDate enrolledOn) {
        PersonEnrolled enrolled = enrolled(idNumber, coverageYear);
        return new PersonEnrolled(enrolled.personId(), coverageYear, enrolled.region(), enrolled.idNumberMasked(), enrolled.idNumberSealed(),
                enrolled.nameMasked(), enrolled.birthYear(), enrolled.sex(), enrolled.personCategory(), enrolled.township(), enrolled.village(),
                null, true, false, EnrolmentChannel.TOWNSHIP, null, null, waitingDays, enrolledOn, null, from, null, rule);
    }

    /**
     * {@link #enrolledLateWaitingFromPayment} announced again by a revoked withdrawal once its start was announced, as
     * enrollment-service announces it: the start it knows, no longer how it waited ({@code coverageFrom} travels only while the
     * start waits).
     */
    PersonEnrolled lateEnrolmentStartedOnRevokingAWithdrawal(String idNumber, int coverageYear, int waitingDays, LocalDate start) {
        PersonEnrolled enrolled = enrolled(idNumber, coverageYear);
        return new PersonEnrolled(enrolled.personId(), coverageYear, enrolled.region(), enrolled.idNumberMasked(), enrolled.idNumberSealed(),
                enrolled.nameMasked(), enrolled.birthYear(), enrolled.sex(), enrolled.personCategory(), enrolled.township(), enrolled.village(),
                null, true, false, EnrolmentChannel.TOWNSHIP, start, null, waitingDays, LocalDate.of(coverageYear, 1, 1), null, null, null,
                "LATE_ENROLMENT").revokingAWithdrawal();
    }

    /** Liancheng 2018 (API.md's example) charges everybody 180.00; 低保 (MINIMUM_LIVING) gets 140.00 off, 特困 all of it. */
    ContributionAssessed assessed(String idNumber, int coverageYear, AssistanceCategory category) {
        BigDecimal subsidy = category == AssistanceCategory.MINIMUM_LIVING ? new BigDecimal("140.00")
                : category == AssistanceCategory.EXTREME_POVERTY ? STANDARD : BigDecimal.ZERO;
        return new ContributionAssessed(personId(idNumber), coverageYear, Liancheng.REGION, STANDARD, subsidy,
                STANDARD.subtract(subsidy), category,
                category == null ? AssessmentReason.ENROLLED : AssessmentReason.ELIGIBILITY_CHANGED);
    }

    /** Assessed from a standard of the person's category other than Liancheng's 180.00 (a pupil's, say), unassisted. */
    ContributionAssessed assessedFrom(String idNumber, int coverageYear, String standard) {
        return new ContributionAssessed(personId(idNumber), coverageYear, Liancheng.REGION, new BigDecimal(standard), BigDecimal.ZERO,
                new BigDecimal(standard), null, AssessmentReason.ENROLLED);
    }

    PersonWithdrawn withdrawn(String idNumber, int coverageYear) {
        return new PersonWithdrawn(personId(idNumber), coverageYear, Liancheng.REGION, WithdrawalReason.MOVED_AWAY,
                LocalDate.of(coverageYear, 3, 1));
    }
}
