package cn.medicare.campaign.contracts.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a date about a person lies so near their birth that, in clear, it would narrow their ID number below EVENTS.md's
 * 10,000 candidates: a date is an upper bound of the birth, and the person's other records bound it from below. Such a
 * date travels as a flag, the birth's (an agency's row, an e-voucher's activation, a withdrawal: EVENTS.md, "Personal data
 * on the bus"). One rule for every service that publishes one, so that no record tells a reader more than another.
 */
public final class NearBirthRule {

    /**
     * Days from the earliest birth a reader of the person's records can tell within which a date travels as the birth's: a
     * date d days after it leaves d x 500 candidate numbers (with the sex of the enrolment on the same person id), and
     * EVENTS.md asks for 10,000. Counted from what is public, never from the birth itself: the flag would tell it.
     */
    public static final int DAYS = 21;

    /**
     * The same beside a 6+1 mask, whose check character divides the candidates by 11: d x 500 / 11 leaves 10,000 from 220
     * days (a date in the birth year of someone certified long ago, 一级残疾 in June of a boy born in March 2012, next to his
     * enrolment's birth year). Such a date lies a year or more before any campaign the person is assessed by, so taking
     * effect from the birth changes no year's figures.
     */
    public static final int DAYS_BESIDE_THE_CHECK_CHARACTER = 221;

    /**
     * Such a date as a clerk reads it, in a view, an audit line or a refusal: one label for the birth day and the days after
     * it, since two would tell which, and so where the birth falls.
     */
    public static final String SHOWN = "出生之日或其后数日";

    /** {@link #SHOWN} in the English half of a message. */
    public static final String SHOWN_IN_ENGLISH = "the day of birth or a few days after";

    /** A day as a message shows it in each of its two halves: its date, or near a birth {@link #SHOWN}. */
    public record Shown(String chinese, String english) {

        public static final Shown NEAR_BIRTH = new Shown(SHOWN, SHOWN_IN_ENGLISH);

        public static Shown of(LocalDate day) {
            String date = String.valueOf(day);
            return new Shown(date, date);
        }
    }

    private NearBirthRule() {
    }

    /**
     * @param openings the days the person's region's known campaigns opened their collection periods: a NEWBORN is one born
     *     after the opening (public), and a coverage from birth says born in the year (after 1 January)
     * @param firstCollectionDay the first day any campaign known let people enrol and pay ({@link PersonIds#maskIdNumber}),
     *     null while none is: a number shown as the county alone says born after the year before it
     * @param idNumberMasked the mask the person's records show: 6+1, whose check character divides the candidates by 11, or
     *     the county alone
     * @param enrolmentBounds the days the person's enrolments tell the birth came on or after: a NEWBORN enrolled within its
     *     case's window of 90 days was born on or after the enrolment's day less 90
     */
    public static boolean near(LocalDate date, LocalDate birthDate, Collection<LocalDate> openings, LocalDate firstCollectionDay,
            String idNumberMasked, Collection<LocalDate> enrolmentBounds) {
        if (date.isBefore(birthDate)) {
            return false;
        }
        boolean checkCharacterShown = !idNumberMasked.endsWith("*");
        List<LocalDate> bounds = new ArrayList<>(enrolmentBounds);
        bounds.add(birthDate.withDayOfYear(1));
        openings.forEach(opening -> bounds.add(opening.plusDays(1)));
        if (!checkCharacterShown && firstCollectionDay != null) {
            bounds.add(PersonIds.maskThreshold(firstCollectionDay).plusDays(1));
        }
        // a bound after the birth is none the records tell: an opening the person was born before, a window enrolled after
        LocalDate earliestShown = bounds.stream().filter(day -> !day.isAfter(birthDate)).max(Comparator.naturalOrder()).orElseThrow();
        return date.equals(birthDate) || date.isBefore(earliestShown.plusDays(checkCharacterShown ? DAYS_BESIDE_THE_CHECK_CHARACTER : DAYS));
    }
}
