package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.subsidy.campaign.CampaignStore;
import cn.medicare.campaign.subsidy.eligibility.Certification;
import cn.medicare.campaign.subsidy.eligibility.CertificationStore;
import cn.medicare.campaign.subsidy.eligibility.HeldCategoriesRule;
import cn.medicare.campaign.subsidy.roster.Enrolment;
import cn.medicare.campaign.subsidy.roster.RosterStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Keeps each enrolled person-year's assessment current and publishes ContributionAssessed only when
 * it is first known or differs from the stored one: whatever order campaign, enrolment and
 * certifications arrive in, the last assessment published is the same. Callers hold the locks of the
 * people they reassess ({@code PersonLocks}) inside their transaction.
 */
@Service
public class AssessmentService {

    private final RosterStore roster;
    private final CampaignStore campaigns;
    private final CertificationStore certifications;
    private final AssessmentStore assessments;
    private final OutboxWriter outbox;
    private final Clock clock;

    AssessmentService(RosterStore roster, CampaignStore campaigns, CertificationStore certifications, AssessmentStore assessments,
            OutboxWriter outbox, Clock clock) {
        this.roster = roster;
        this.campaigns = campaigns;
        this.certifications = certifications;
        this.assessments = assessments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every year each of these people is enrolled for, in a few statements for all of them. */
    public void reassessAll(Collection<String> personIds, AssessmentReason reason) {
        List<Enrolment> enrolments = roster.registered(personIds);
        assess(enrolments, campaignsInTurn(enrolments), reason);
    }

    /**
     * These person-years, whatever their years, in one pass: their campaigns are read in the one order, which a pass per
     * year would break (a batch of one county's 2018 and another's 2019 against a transaction defining both).
     *
     * @param reason why, unless this is a person-year's first assessment (then ENROLLED)
     */
    public void reassessAll(Map<Integer, Set<String>> peopleByYear, AssessmentReason reason) {
        // read year by year: without the year, PostgreSQL's reads of a consumer's batches took a quarter more of its CPU
        List<Enrolment> enrolments = peopleByYear.entrySet().stream()
                .flatMap(year -> roster.registered(year.getValue(), year.getKey()).stream()).toList();
        assess(enrolments, campaignsInTurn(enrolments), reason);
    }

    /** @param reason why, unless this is a person-year's first assessment (then ENROLLED) */
    public void reassessAll(Collection<String> personIds, int coverageYear, AssessmentReason reason) {
        List<Enrolment> enrolments = roster.registered(personIds, coverageYear);
        assess(enrolments, campaignsInTurn(enrolments), reason);
    }

    /**
     * The enrolments' campaigns, each read once, in one order (region, then year) whoever reads: each read takes a turn its
     * writer waits for ({@link CampaignStore#find}), and two readers taking theirs in different orders could, with a
     * writer between them, wait for each other. Without a campaign yet, the people are assessed when it arrives.
     */
    private Function<Enrolment, Optional<CampaignDefined>> campaignsInTurn(List<Enrolment> enrolments) {
        Map<CampaignOf, Optional<CampaignDefined>> known = new TreeMap<>(
                Comparator.comparing(CampaignOf::region).thenComparingInt(CampaignOf::coverageYear));
        enrolments.forEach(enrolment -> known.put(CampaignOf.of(enrolment), Optional.empty()));
        // a TreeMap replaces in its keys' order
        known.replaceAll((campaign, none) -> campaigns.find(campaign.region(), campaign.coverageYear()));
        return enrolment -> known.get(CampaignOf.of(enrolment));
    }

    private record CampaignOf(String region, int coverageYear) {

        static CampaignOf of(Enrolment enrolment) {
            return new CampaignOf(enrolment.region(), enrolment.coverageYear());
        }
    }

    private void assess(List<Enrolment> enrolments, Function<Enrolment, Optional<CampaignDefined>> campaignOf, AssessmentReason reason) {
        List<Enrolment> underCampaign = enrolments.stream().filter(enrolment -> campaignOf.apply(enrolment).isPresent()).toList();
        if (underCampaign.isEmpty()) {
            return;
        }
        Map<String, List<Certification>> certified = certifications.of(underCampaign.stream().map(Enrolment::personId).distinct().toList());
        Map<Enrolment, Assessment> previous = assessments.of(underCampaign);
        List<AssessmentStore.Assessed> changed = new ArrayList<>();
        List<OutboxMessage> announcements = new ArrayList<>();
        // a withdrawn person-year is assessed too, first assessment or not: what they paid is owed back by it, and whether the
        // campaign, an agency's list or the same poll came before the withdrawal or after it must not decide that
        for (Enrolment enrolment : underCampaign) {
            CampaignDefined campaign = campaignOf.apply(enrolment).orElseThrow();
            LocalDate cutoff = campaign.assistanceCutoffOrPeriodEnd();
            Set<AssistanceCategory> held = HeldCategoriesRule.heldFor(certified.getOrDefault(enrolment.personId(), List.of()),
                    enrolment.region(), cutoff, enrolment.additionsCountUntil(cutoff), enrolment.enrolledOn(),
                    // asked only of a case's enrolment with an addition after the cut-off, never of the season's many others
                    enrolment.certificationWithinMonths(campaign), category -> campaign.assistedCategories().contains(category));
            Assessment assessment = AssessmentRule.assess(campaign, enrolment.personCategory(), enrolment.amountRule(), held);
            Assessment before = previous.get(enrolment);
            if (assessment.equals(before)) {
                continue;
            }
            changed.add(new AssessmentStore.Assessed(enrolment, assessment));
            announcements.add(OutboxMessage.of(new ContributionAssessed(enrolment.personId(), enrolment.coverageYear(), enrolment.region(),
                    assessment.standardAmount(), assessment.subsidyAmount(), assessment.payableAmount(), assessment.assistanceCategory(),
                    before == null ? AssessmentReason.ENROLLED : reason), clock.instant()));
        }
        if (!changed.isEmpty()) {
            assessments.save(changed, clock.instant());
            outbox.appendAll(announcements);
        }
    }
}
