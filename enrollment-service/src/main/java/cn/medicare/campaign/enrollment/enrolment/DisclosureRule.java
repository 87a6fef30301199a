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
    /**
     * A 6+1 mask said the person was a year old on the enrolment day (the masks before session 28; now it says the birth lies
     * a year or more before the first collection day, docs/personal-data.md): next to the birth year it leaves the days from
     * 1 January to a year before that day. With the check character and the sex known, a day holds
     * about 45 numbers (1,000 sequences, half of one sex, one in 11 with that check character): 10,000 need 221 days (220
     * days, counted number by number, leave 9,997 or 9,998).
     */
    private static final int FEWEST_DAYS_LEFT_WITH_THE_YEAR = 221;
    /**
     * Such a bound comes from an enrolment in the year after the birth, before its 220th day. Records of one person share
     * its person id, so the year must stay home in every record published while that one is still on the bus (400 days):
     * those of coverage years up to birth + 3, whose enrolments open in September of the year after.
     */
    private static final int LAST_AGE_A_BIRTHDAY_BOUND_LASTS = 3;

    private DisclosureRule() {
    }

    /**
     * The birth year, or null where it would narrow the date with the rest of the record: an infant's (next to the
     * enrolment's day or a newborn's category; an enrolment masked to the county was judged one when it was made,
     * and a roll-over keeps that mask), a small child's born before the 221st day of its year (an enrolment the year after
     * the birth, before that day, bounds the date by the 6+1 mask), one born in the year of the mask's threshold where that
     * leaves fewer than 221 days, and one near 18 (next to MINOR or GENERAL, which the campaign decides by a day in that year).
     *
     * @param firstCollectionDay the first day any campaign known let people enrol and pay (null while none is): a 6+1 mask
     *     says the birth lies on or before a year before it ({@code PersonIds.maskIdNumber}), so next to a birth year of that
     *     day it leaves the days from 1 January to it, however old the person
     */
    static Integer birthYear(String idNumberMasked, LocalDate birthDate, LocalDate enrolledOn, int coverageYear,
            LocalDate firstCollectionDay) {
        int age = coverageYear - birthDate.getYear();
        if (maskedToCounty(idNumberMasked) || birthDate.isAfter(enrolledOn.minusYears(1))
                || age <= LAST_AGE_A_BIRTHDAY_BOUND_LASTS && birthDate.getDayOfYear() < FEWEST_DAYS_LEFT_WITH_THE_YEAR
                || fewDaysUpToTheThreshold(birthDate, firstCollectionDay)
                || age >= FIRST_AGE_NEAR_ADULTHOOD && age <= LAST_AGE_NEAR_ADULTHOOD) {
            return null;
        }
        return birthDate.getYear();
    }

    /** Whether the birth lies in the year of the 6+1 mask's threshold, and that year holds too few days up to it. */
    private static boolean fewDaysUpToTheThreshold(LocalDate birthDate, LocalDate firstCollectionDay) {
        if (firstCollectionDay == null) {
            return false;
        }
        LocalDate threshold = PersonIds.maskThreshold(firstCollectionDay);
        return birthDate.getYear() == threshold.getYear() && threshold.getDayOfYear() < FEWEST_DAYS_LEFT_WITH_THE_YEAR;
    }

    /** A 6+1 mask ends with the check character, never with a star. */
    private static boolean maskedToCounty(String idNumberMasked) {
        return idNumberMasked.endsWith("*");
    }
}
