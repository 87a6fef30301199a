package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import java.time.LocalDate;

/**
 * 参保登记: a resident on the roster for one coverage year, ID number sealed and masked only.
 *
 * @param withdrawnOn null while the enrolment stands
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
        WithdrawalReason withdrawalReason) {

    /**
     * A newborn covered from the day of birth: that date is the birth date, which is never shown or
     * published (EVENTS.md). Then the start shows as this flag, true, and as no date.
     *
     * @return true, or null when the coverage starts on another day
     */
    Boolean coverageFromBirth() {
        return coverageStart.equals(birthDate) ? true : null;
    }

    /** The start as shown and published: null when it is the birth date ({@link #coverageFromBirth()}). */
    LocalDate coverageStartShown() {
        return coverageFromBirth() == null ? coverageStart : null;
    }
}
