package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import java.time.LocalDate;

/**
 * 参保登记: a resident on the roster for one coverage year, ID number sealed and masked only.
 *
 * @param coverageStart null while it depends on a payment not yet made ({@code terms.coverageFrom()})
 * @param withdrawnOn null while the enrolment stands
 * @param withdrawnFromBirth whether the withdrawal is dated on or near the birth ({@link NearBirthService}): it is shown and
 *     published as from the birth, never its date
 */
record Enrolment(
        String personId,
        int coverageYear,
        String region,
        String idNumberSealed,
        String idNumberMasked,
        String name,
        String phone,
        LocalDate birthDate,
        Sex sex,
        PersonCategory personCategory,
        String township,
        String village,
        String school,
        boolean hukouLocal,
        boolean residencePermit,
        EnrolmentChannel channel,
        LocalDate enrolledOn,
        LocalDate coverageStart,
        int waitingPeriodDays,
        String enrolledBy,
        LocalDate withdrawnOn,
        WithdrawalReason withdrawalReason,
        boolean withdrawnFromBirth,
        Terms terms) {

    /**
     * What the enrolment named beyond the first contract (API.md additions) and what the campaign's
     * rules decided from it ({@link cn.medicare.campaign.contracts.policy.EnrolmentPolicy}).
     *
     * @param coverageCase {@code COLLECTION_PERIOD}, {@code LATE_ENROLMENT} or the special case that decided
     */
    record Terms(String schoolClass, String remarks, SpecialCase specialCase, LocalDate specialCaseDate, Integer employeeYears,
            CoverageFrom coverageFrom, int waitingPeriodMonths, String coverageCase, String coverageExplanation,
            AmountRule amountRule) {
    }

    /**
     * A newborn covered from the day of birth: that date is the birth date, which is never shown or
     * published (EVENTS.md). Then the start shows as this flag, true, and as no date.
     *
     * @return true, or null when the coverage starts on another day
     */
    Boolean coverageFromBirth() {
        return birthDate.equals(coverageStart) ? true : null;
    }

    /** The day employee insurance ended, for a lapse enrolment: a 人社 list from before it no longer stands in the way. */
    LocalDate employeeInsuranceEnded() {
        return terms.specialCase() == SpecialCase.EMPLOYEE_INSURANCE_LAPSE ? terms.specialCaseDate() : null;
    }

    /** The person-year as one key: a list may enrol one person for two years. */
    String personYear() {
        return personId + ":" + coverageYear;
    }

    /** The same enrolment, its coverage start now known (the person paid). */
    Enrolment coveredFrom(LocalDate start) {
        return new Enrolment(personId, coverageYear, region, idNumberSealed, idNumberMasked, name, phone, birthDate, sex,
                personCategory, township, village, school, hukouLocal, residencePermit, channel, enrolledOn, start,
                waitingPeriodDays, enrolledBy, withdrawnOn, withdrawalReason, withdrawnFromBirth, terms);
    }

    /** The same enrolment under the mask its person's other enrolments show. */
    Enrolment maskedAs(String mask) {
        return new Enrolment(personId, coverageYear, region, idNumberSealed, mask, name, phone, birthDate, sex,
                personCategory, township, village, school, hukouLocal, residencePermit, channel, enrolledOn, coverageStart,
                waitingPeriodDays, enrolledBy, withdrawnOn, withdrawalReason, withdrawnFromBirth, terms);
    }

    /** What a clerk reads for the withdrawal's day: its date, or the birth's words for one near it. */
    NearBirthRule.Shown withdrawnOnShown() {
        return withdrawnFromBirth ? NearBirthRule.Shown.NEAR_BIRTH : NearBirthRule.Shown.of(withdrawnOn);
    }

    /** The start as shown and published: null when it is the birth date ({@link #coverageFromBirth()}). */
    LocalDate coverageStartShown() {
        return coverageFromBirth() == null ? coverageStart : null;
    }
}
