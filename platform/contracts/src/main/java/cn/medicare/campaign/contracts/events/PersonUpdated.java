package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import com.fasterxml.jackson.annotation.JsonInclude;

/** 参保信息变更: only the fields that changed are present; a null field did not change. */
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
        String nameMasked) implements PersonEvent {

    public PersonUpdated {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
    }

    @Override
    public EventType type() {
        return EventType.PERSON_UPDATED;
    }
}
