package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Which dates about a person lie so near their birth that they are shown and published as the birth's flag
 * ({@link NearBirthRule}): a withdrawal, an e-voucher's activation, a death named in a refusal. Decided on what the
 * person's records tell anyone: the campaigns known now, the mask, and the enrolment's own case.
 */
@Service
class NearBirthService {

    private final CampaignStore campaigns;

    NearBirthService(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * What the person's published enrolment tells of their birth.
     *
     * @param coverageCase and {@code coverageFrom}: the case that decided the coverage and where it counted from; a NEWBORN
     *     covered from its event was enrolled within the case's window, which bounds the birth from below
     */
    record Person(LocalDate birthDate, String idNumberMasked, String region, int coverageYear, LocalDate enrolledOn,
            String coverageCase, CoverageFrom coverageFrom) {

        static Person of(Enrolment enrolment) {
            return new Person(enrolment.birthDate(), enrolment.idNumberMasked(), enrolment.region(), enrolment.coverageYear(),
                    enrolment.enrolledOn(), enrolment.terms().coverageCase(), enrolment.terms().coverageFrom());
        }

        static Person of(EnrolmentStore.Active active) {
            return new Person(active.birthDate(), active.idNumberMasked(), active.region(), active.coverageYear(), active.enrolledOn(),
                    active.coverageCase(), active.coverageFrom());
        }

        private boolean aNewbornWithinItsWindow() {
            return SpecialCase.NEWBORN.name().equals(coverageCase) && coverageFrom == CoverageFrom.EVENT_DATE;
        }
    }

    /** A judge for one request: the first collection day, each region's openings and each campaign read once. */
    Dates dates() {
        return new Dates(campaigns.firstCollectionDay().orElse(null));
    }

    final class Dates {

        private final LocalDate firstCollectionDay;
        private final Map<String, List<LocalDate>> openings = new HashMap<>();
        private final Map<String, Optional<CampaignDefined>> campaignsRead = new HashMap<>();

        private Dates(LocalDate firstCollectionDay) {
            this.firstCollectionDay = firstCollectionDay;
        }

        boolean near(LocalDate date, Person person) {
            return NearBirthRule.near(date, person.birthDate(), openings.computeIfAbsent(person.region(), campaigns::collectionOpenings),
                    firstCollectionDay, person.idNumberMasked(), bornOnOrAfter(person));
        }

        private LocalDate bornOnOrAfter(Person person) {
            if (!person.aNewbornWithinItsWindow()) {
                return null;
            }
            return campaignsRead.computeIfAbsent(person.region() + ":" + person.coverageYear(),
                            key -> campaigns.find(person.region(), person.coverageYear()))
                    .flatMap(campaign -> campaign.specialCases().stream().filter(rule -> rule.specialCase() == SpecialCase.NEWBORN).findFirst())
                    .map(rule -> rule.earliestEventWithin(person.enrolledOn())).orElse(null);
        }
    }
}
