package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * 参保登记: a person registered for a coverage year. The ID number travels only masked (for
 * people to read) and sealed (for the tax adapter), never in plain text, and nothing here narrows
 * it below 10,000 candidates (EVENTS.md, "Personal data on the bus").
 *
 * @param birthYear absent for a person born in the year of the enrolment: next to the enrolment's
 *     own date it would bound the birth date to a few weeks (see docs/personal-data.md)
 * @param coverageStart absent while it depends on a payment not yet made, and for a newborn
 *     covered from birth (then {@code coverageFromBirth} is true): that date is the birth date
 * @param coverageFromBirth true when coverage starts on the birth date; absent otherwise
 * @param enrolledOn optional, added to EVENTS.md's list: the business day of the enrolment, which
 *     figures as of a date (stages, rankings) count by; absent, consumers use the event time
 * @param amountRule optional (absent: INDIVIDUAL): INDIVIDUAL_PLUS_FISCAL when the person enrolled
 *     outside the period under a campaign that charges individual + fiscal subsidy
 * @param coverageFrom present only while {@code coverageStart} depends on the payment:
 *     PAYMENT_DATE or DAY_AFTER_PAYMENT, plus the waiting period; CoverageStarted follows at settlement
 * @param waitingPeriodMonths optional: a waiting period counted in months (Gaolou's 6 months)
 * @param coverageRule optional: which rule decided (COLLECTION_PERIOD, LATE_ENROLMENT or a special case)
 * @param specialCase optional (EVENTS.md {@code specialCase?}): the case of DOMAIN.md that decided the enrolment, as in
 *     {@code coverageRule}; absent when none did
 * @param schoolClass optional (EVENTS.md {@code schoolClass?}): a pupil's class (附件4's 班级), names redacted
 * @param withdrawalRevoked optional, true only on the enrolment announced again because its withdrawal was revoked
 *     (撤销终止参保): the registration goes on, settlement and all, whatever day the withdrawal took effect; absent otherwise
 * @param contactSealed optional: the full name and phone ({@link cn.medicare.campaign.contracts.identity.Contact}) sealed
 *     for the reporting service, which prints the lists townships chase people with; nobody else can open it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonEnrolled(
        String personId,
        int coverageYear,
        String region,
        String idNumberMasked,
        String idNumberSealed,
        String nameMasked,
        Integer birthYear,
        Sex sex,
        PersonCategory personCategory,
        String township,
        String village,
        String school,
        boolean hukouLocal,
        boolean residencePermit,
        EnrolmentChannel channel,
        LocalDate coverageStart,
        Boolean coverageFromBirth,
        int waitingPeriodDays,
        LocalDate enrolledOn,
        AmountRule amountRule,
        CoverageFrom coverageFrom,
        Integer waitingPeriodMonths,
        String coverageRule,
        String contactSealed,
        SpecialCase specialCase,
        String schoolClass,
        Boolean withdrawalRevoked) implements PersonEvent {

    /** An enrolment announced for itself, not again after a revoked withdrawal. */
    public PersonEnrolled(String personId, int coverageYear, String region, String idNumberMasked, String idNumberSealed,
            String nameMasked, Integer birthYear, Sex sex, PersonCategory personCategory, String township, String village,
            String school, boolean hukouLocal, boolean residencePermit, EnrolmentChannel channel, LocalDate coverageStart,
            Boolean coverageFromBirth, int waitingPeriodDays, LocalDate enrolledOn, AmountRule amountRule, CoverageFrom coverageFrom,
            Integer waitingPeriodMonths, String coverageRule, String contactSealed, SpecialCase specialCase, String schoolClass) {
        this(personId, coverageYear, region, idNumberMasked, idNumberSealed, nameMasked, birthYear, sex, personCategory, township,
                village, school, hukouLocal, residencePermit, channel, coverageStart, coverageFromBirth, waitingPeriodDays,
                enrolledOn, amountRule, coverageFrom, waitingPeriodMonths, coverageRule, contactSealed, specialCase, schoolClass, null);
    }

    /** An enrolment under no special case, of no pupil. */
    public PersonEnrolled(String personId, int coverageYear, String region, String idNumberMasked, String idNumberSealed,
            String nameMasked, Integer birthYear, Sex sex, PersonCategory personCategory, String township, String village,
            String school, boolean hukouLocal, boolean residencePermit, EnrolmentChannel channel, LocalDate coverageStart,
            Boolean coverageFromBirth, int waitingPeriodDays, LocalDate enrolledOn, AmountRule amountRule, CoverageFrom coverageFrom,
            Integer waitingPeriodMonths, String coverageRule, String contactSealed) {
        this(personId, coverageYear, region, idNumberMasked, idNumberSealed, nameMasked, birthYear, sex, personCategory, township,
                village, school, hukouLocal, residencePermit, channel, coverageStart, coverageFromBirth, waitingPeriodDays,
                enrolledOn, amountRule, coverageFrom, waitingPeriodMonths, coverageRule, contactSealed, null, null);
    }

    /** An enrolment whose contact travels separately (or not at all: the service has no key to seal it for). */
    public PersonEnrolled(String personId, int coverageYear, String region, String idNumberMasked, String idNumberSealed,
            String nameMasked, Integer birthYear, Sex sex, PersonCategory personCategory, String township, String village,
            String school, boolean hukouLocal, boolean residencePermit, EnrolmentChannel channel, LocalDate coverageStart,
            Boolean coverageFromBirth, int waitingPeriodDays, LocalDate enrolledOn, AmountRule amountRule, CoverageFrom coverageFrom,
            Integer waitingPeriodMonths, String coverageRule) {
        this(personId, coverageYear, region, idNumberMasked, idNumberSealed, nameMasked, birthYear, sex, personCategory, township,
                village, school, hukouLocal, residencePermit, channel, coverageStart, coverageFromBirth, waitingPeriodDays,
                enrolledOn, amountRule, coverageFrom, waitingPeriodMonths, coverageRule, null);
    }

    /** An enrolment of the first contract: the individual amount, a known start. */
    public PersonEnrolled(String personId, int coverageYear, String region, String idNumberMasked, String idNumberSealed,
            String nameMasked, Integer birthYear, Sex sex, PersonCategory personCategory, String township, String village,
            String school, boolean hukouLocal, boolean residencePermit, EnrolmentChannel channel, LocalDate coverageStart,
            Boolean coverageFromBirth, int waitingPeriodDays, LocalDate enrolledOn) {
        this(personId, coverageYear, region, idNumberMasked, idNumberSealed, nameMasked, birthYear, sex, personCategory, township,
                village, school, hukouLocal, residencePermit, channel, coverageStart, coverageFromBirth, waitingPeriodDays,
                enrolledOn, null, null, null, null);
    }

    public PersonEnrolled {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(idNumberMasked, "idNumberMasked");
        requireNonNull(idNumberSealed, "idNumberSealed");
        requireNonNull(nameMasked, "nameMasked");
        requireNonNull(sex, "sex");
        requireNonNull(personCategory, "personCategory");
        requireNonNull(township, "township");
        requireNonNull(village, "village");
        requireNonNull(channel, "channel");
        if (Boolean.TRUE.equals(coverageFromBirth) && coverageStart != null) {
            throw new IllegalArgumentException("a coverage from birth travels as the flag alone, without its date");
        }
        if (Boolean.FALSE.equals(coverageFromBirth)) {
            coverageFromBirth = null;
        }
        if (Boolean.FALSE.equals(withdrawalRevoked)) {
            withdrawalRevoked = null;
        }
        if (amountRule == AmountRule.INDIVIDUAL) {
            amountRule = null;
        }
        if (waitingPeriodMonths != null && waitingPeriodMonths == 0) {
            waitingPeriodMonths = null;
        }
        if (coverageFrom != null && (coverageStart != null || Boolean.TRUE.equals(coverageFromBirth) || !coverageFrom.atPayment())) {
            throw new IllegalArgumentException("coverageFrom travels only while the start waits for the payment");
        }
    }

    /** The same enrolment announced again because its withdrawal was revoked. */
    public PersonEnrolled revokingAWithdrawal() {
        return new PersonEnrolled(personId, coverageYear, region, idNumberMasked, idNumberSealed, nameMasked, birthYear, sex,
                personCategory, township, village, school, hukouLocal, residencePermit, channel, coverageStart, coverageFromBirth,
                waitingPeriodDays, enrolledOn, amountRule, coverageFrom, waitingPeriodMonths, coverageRule, contactSealed, specialCase,
                schoolClass, true);
    }

    /** Whether this announces the enrolment again after its withdrawal was revoked, rather than a registration. */
    public boolean revokesAWithdrawal() {
        return Boolean.TRUE.equals(withdrawalRevoked);
    }

    @Override
    public EventType type() {
        return EventType.PERSON_ENROLLED;
    }
}
