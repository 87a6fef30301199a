package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.identity.PersonIds;
import java.time.LocalDate;

/**
 * What the roster may say about a person's birth where others read it (EVENTS.md, the 10,000-candidate
 * rule): a record that bounds the birth date to months must not also show the ID number's check
 * character, and the birth year stays home where the record's other facts bound the date within it.
 */
final class DisclosureRule {

    /** Around the age that separates minors from adults (18), a campaign's boundary day falls inside the birth year. */
    private static final int FIRST_AGE_NEAR_ADULTHOOD = 17;
    private static final int LAST_AGE_NEAR_ADULTHOOD = 19;

    private DisclosureRule() {
    }

    /**
     * Under a year old on the day of the enrolment: a newborn's category, a coverage from birth or the period's
     * opening bound the birth date to months.
     */
    static boolean infant(LocalDate birthDate, LocalDate enrolledOn) {
        return birthDate.isAfter(enrolledOn.minusYears(1));
    }

    /** 6+1 as EVENTS.md shows it, or the county alone for an infant. */
    static String idNumberMasked(String idNumber, LocalDate birthDate, LocalDate enrolledOn) {
        return infant(birthDate, enrolledOn) ? PersonIds.maskIdNumberToCounty(idNumber) : PersonIds.maskIdNumber(idNumber);
    }

    /**
     * The birth year, or null where it would narrow the date with the rest of the record: an infant's (next to the
     * enrolment's day), and one near 18 (next to MINOR or GENERAL, which the campaign decides by a day in that year).
     */
    static Integer birthYear(LocalDate birthDate, LocalDate enrolledOn, int coverageYear) {
        int age = coverageYear - birthDate.getYear();
        if (infant(birthDate, enrolledOn) || age >= FIRST_AGE_NEAR_ADULTHOOD && age <= LAST_AGE_NEAR_ADULTHOOD) {
            return null;
        }
        return birthDate.getYear();
    }
}
