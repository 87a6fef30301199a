package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 待核对村（社区）: the enrolments of a year whose village is none of their township's villages in that year's campaign, as
 * they stand now: a roll-over or a renewal on payment copies last year's village, which may have been renamed or merged
 * since (村改居), and a township whose villages the bureau lists only later has its earlier enrolments named too. Such a
 * resident counts for the township and for no village, so the village's rate comes out too low until a clerk corrects it
 * ({@code PATCH /api/v1/enrolments/{personId}}) or the bureau adds the village to the targets; either takes them off.
 * Likewise, and first, the enrolments of a township the year's targets do not list at all (撤乡并镇, a township merged
 * into another since last year): they count for no township until moved.
 */
@Service
class VillagesToCheckService {

    /** One to correct: the person, where the enrolment says they live, and which of the two the campaign does not list. */
    record VillageToCheck(String personId, String idNumberMasked, String name, String township, String village, String channel,
            String enrolledOn, UnitRule.Unlisted toCheck) {
    }

    /**
     * @param townshipsWithVillages the townships the campaign lists villages for: only their enrolments can be named for
     *     their village
     * @param townshipsNotInCampaign the townships of the year's enrolments that the targets do not list
     */
    record VillagesToCheck(String region, int coverageYear, List<String> townshipsWithVillages, List<String> townshipsNotInCampaign,
            List<VillageToCheck> people) {
    }

    private final EnrolmentStore roster;
    private final CampaignStore campaigns;

    VillagesToCheckService(EnrolmentStore roster, CampaignStore campaigns) {
        this.roster = roster;
        this.campaigns = campaigns;
    }

    /** @param township one township, or null for every one the caller may read (a township's clerk reads their own alone) */
    VillagesToCheck list(Caller caller, String region, int coverageYear, String township) {
        String only = township != null ? township : caller.is(Role.TOWNSHIP) ? caller.township() : null;
        if (only != null) {
            caller.requireMayActIn(only);
        }
        UnitRule.Listed listed = UnitRule.listed(campaigns.targets(region, coverageYear), campaigns.units(region, coverageYear));
        List<Enrolment> candidates = new ArrayList<>();
        if (!listed.townships().isEmpty()) {
            candidates.addAll(roster.inTownshipsOtherThan(region, coverageYear, listed.townships(), only));
        }
        List<String> townships = listed.villages().keySet().stream().filter(code -> only == null || only.equals(code)).sorted().toList();
        if (!townships.isEmpty()) {
            List<String[]> villages = new ArrayList<>();
            listed.villages().forEach((code, names) -> names.forEach(name -> villages.add(new String[] {code, name})));
            candidates.addAll(roster.inVillagesOtherThan(region, coverageYear, townships, villages));
        }
        List<VillageToCheck> people = candidates.stream()
                .flatMap(enrolment -> listed.unlisted(enrolment.township(), enrolment.village(), enrolment.school()).stream()
                        .map(unlisted -> new VillageToCheck(enrolment.personId(), enrolment.idNumberMasked(), enrolment.name(),
                                enrolment.township(), enrolment.village(), enrolment.channel().name(), enrolment.enrolledOn().toString(),
                                unlisted)))
                .toList();
        List<String> notInCampaign = people.stream().filter(person -> person.toCheck() == UnitRule.Unlisted.TOWNSHIP)
                .map(VillageToCheck::township).distinct().sorted().toList();
        return new VillagesToCheck(region, coverageYear, townships, notInCampaign, people);
    }
}
