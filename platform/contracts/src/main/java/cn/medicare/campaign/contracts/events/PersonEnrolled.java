package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * 参保登记: a person registered for a coverage year. The ID number travels only masked (for
 * people to read) and sealed (for the tax adapter), never in plain text.
 *
 * @param enrolledOn optional, added to EVENTS.md's list: the business day of the enrolment, which
 *     figures as of a date (stages, rankings) count by; absent, consumers use the event time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonEnrolled(
        String personId,
        int coverageYear,
        String region,
        String idNumberMasked,
        String idNumberSealed,
        String nameMasked,
        LocalDate birthDate,
        Sex sex,
        PersonCategory personCategory,
        String township,
        String village,
        String school,
        boolean hukouLocal,
        boolean residencePermit,
        EnrolmentChannel channel,
        LocalDate coverageStart,
        int waitingPeriodDays,
        LocalDate enrolledOn) implements PersonEvent {

    public PersonEnrolled {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(idNumberMasked, "idNumberMasked");
        requireNonNull(idNumberSealed, "idNumberSealed");
        requireNonNull(nameMasked, "nameMasked");
        requireNonNull(birthDate, "birthDate");
        requireNonNull(sex, "sex");
        requireNonNull(personCategory, "personCategory");
        requireNonNull(township, "township");
        requireNonNull(village, "village");
        requireNonNull(channel, "channel");
        requireNonNull(coverageStart, "coverageStart");
    }

    /** As EVENTS.md lists it; {@code enrolledOn} is an optional addition. */
    public PersonEnrolled(String personId, int coverageYear, String region, String idNumberMasked, String idNumberSealed,
            String nameMasked, LocalDate birthDate, Sex sex, PersonCategory personCategory, String township, String village,
            String school, boolean hukouLocal, boolean residencePermit, EnrolmentChannel channel, LocalDate coverageStart,
            int waitingPeriodDays) {
        this(personId, coverageYear, region, idNumberMasked, idNumberSealed, nameMasked, birthDate, sex, personCategory, township,
                village, school, hukouLocal, residencePermit, channel, coverageStart, waitingPeriodDays, null);
    }

    @Override
    public EventType type() {
        return EventType.PERSON_ENROLLED;
    }
}
