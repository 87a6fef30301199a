package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * 待核对村（社区）: the enrolments of a year whose village is none of their township's villages in that year's campaign, as
 * they stand now: a roll-over or a renewal on payment copies last year's village, which may have been renamed or merged
 * since (村改居), and a township whose villages the bureau lists only later has its earlier enrolments named too. Such a
 * resident counts for the township and for no village, so the village's rate comes out too low until a clerk corrects it
 * ({@code PATCH /api/v1/enrolments/{personId}}) or the bureau adds the village to the targets; either takes them off.
 */
@Service
class VillagesToCheckService {

    /** One to correct: the person and where the enrolment says they live. */
    record VillageToCheck(String personId, String idNumberMasked, String name, String township, String village, String channel,
            String enrolledOn) {
    }

    /** @param townshipsWithVillages the townships the campaign lists villages for: only their enrolments can be named */
    record VillagesToCheck(String region, int coverageYear, List<String> townshipsWithVillages, List<VillageToCheck> people) {
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
        Map<String, List<String>> villages = UnitRule.villagesByTownship(campaigns.units(region, coverageYear));
        List<String> townships = villages.keySet().stream().filter(code -> only == null || only.equals(code)).sorted().toList();
        if (townships.isEmpty()) {
            return new VillagesToCheck(region, coverageYear, townships, List.of());
        }
        List<String[]> listed = new ArrayList<>();
        villages.forEach((code, names) -> names.forEach(name -> listed.add(new String[] {code, name})));
        List<VillageToCheck> people = roster.inVillagesOtherThan(region, coverageYear, townships, listed).stream()
                .filter(enrolment -> UnitRule.villageProblem(enrolment.township(), enrolment.village(), villages).isPresent())
                .map(enrolment -> new VillageToCheck(enrolment.personId(), enrolment.idNumberMasked(), enrolment.name(),
                        enrolment.township(), enrolment.village(), enrolment.channel().name(), enrolment.enrolledOn().toString()))
                .toList();
        return new VillagesToCheck(region, coverageYear, townships, people);
    }
}
