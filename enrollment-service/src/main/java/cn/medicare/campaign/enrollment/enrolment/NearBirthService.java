package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Which dates about a person lie so near their birth that they are shown and published as the birth's flag
 * ({@link NearBirthRule}): a withdrawal, an e-voucher's activation, a death named in a refusal. Decided on what the
 * person's records tell anyone: the campaigns known now, the mask, and every enrolment of theirs under the NEWBORN case.
 */
@Service
class NearBirthService {

    private final CampaignStore campaigns;
    private final EnrolmentStore roster;

    NearBirthService(CampaignStore campaigns, EnrolmentStore roster) {
        this.campaigns = campaigns;
        this.roster = roster;
    }

    /** The person a date is about: who, born when, shown how, enrolled where. */
    record Person(String personId, LocalDate birthDate, String idNumberMasked, String region) {

        static Person of(Enrolment enrolment) {
            return new Person(enrolment.personId(), enrolment.birthDate(), enrolment.idNumberMasked(), enrolment.region());
        }

        static Person of(EnrolmentStore.Active active) {
            return new Person(active.personId(), active.birthDate(), active.idNumberMasked(), active.region());
        }
    }

    /** A judge for one request: the first collection day, each region's openings, each campaign and person read once, when needed. */
    Dates dates() {
        return new Dates();
    }

    final class Dates {

        private Optional<LocalDate> firstCollectionDay;
        private final Map<String, List<LocalDate>> openings = new HashMap<>();
        private final Map<String, Optional<CampaignDefined>> campaignsRead = new HashMap<>();
        private final Map<String, List<LocalDate>> enrolmentBounds = new HashMap<>();

        private Dates() {
        }

        boolean near(LocalDate date, Person person) {
            // no bound the records give lies after the birth: a date this far from it is near none of them, and nothing is read
            if (!date.isBefore(person.birthDate().plusDays(NearBirthRule.DAYS_BESIDE_THE_CHECK_CHARACTER))) {
                return false;
            }
            if (firstCollectionDay == null) {
                firstCollectionDay = campaigns.firstCollectionDay();
            }
            return NearBirthRule.near(date, person.birthDate(), openings.computeIfAbsent(person.region(), campaigns::collectionOpenings),
                    firstCollectionDay.orElse(null), person.idNumberMasked(),
                    enrolmentBounds.computeIfAbsent(person.personId(), this::enrolmentBounds));
        }

        /**
         * What each of the person's enrolments under the NEWBORN case tells of the birth: its day less the case's window (a
         * day after the birth, for one enrolled after the window, NearBirthRule drops). Every year counts, withdrawn ones too:
         * a death ends the years from its own on, one announcement each, all about one person id.
         */
        private List<LocalDate> enrolmentBounds(String personId) {
            return roster.newbornCases(personId).stream()
                    .map(enrolment -> newbornRule(enrolment.region(), enrolment.coverageYear())
                            .map(rule -> rule.earliestEventWithin(enrolment.enrolledOn())).orElse(null))
                    .filter(Objects::nonNull).toList();
        }

        private Optional<CampaignDefined.SpecialCaseRule> newbornRule(String region, int coverageYear) {
            return campaignsRead.computeIfAbsent(region + ":" + coverageYear, key -> campaigns.find(region, coverageYear))
                    .flatMap(campaign -> campaign.ruleFor(SpecialCase.NEWBORN));
        }
    }
}
