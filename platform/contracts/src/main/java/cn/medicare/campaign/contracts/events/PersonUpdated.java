package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 参保信息变更: only the fields that changed are present; a null field did not change, so a school the person
 * left is {@code ""}.
 * {@code contactSealed}: the name and phone as they are after the change, sealed for the reporting
 * service (see {@link PersonEnrolled}), present when either changed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonUpdated(
        String personId,
        int coverageYear,
        String region,
        String township,
        String village,
        String school,
        PersonCategory personCategory,
        Boolean hukouLocal,
        Boolean residencePermit,
        String nameMasked,
        String contactSealed) implements PersonEvent {

    public PersonUpdated(String personId, int coverageYear, String region, String township, String village, String school,
            PersonCategory personCategory, Boolean hukouLocal, Boolean residencePermit, String nameMasked) {
        this(personId, coverageYear, region, township, village, school, personCategory, hukouLocal, residencePermit, nameMasked, null);
    }

    public PersonUpdated {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
    }

    @Override
    public EventType type() {
        return EventType.PERSON_UPDATED;
    }
}
