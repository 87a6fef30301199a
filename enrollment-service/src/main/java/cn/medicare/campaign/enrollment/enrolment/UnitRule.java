package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.web.InputError;
import java.util.List;
import java.util.Optional;

/**
 * A village a township is assessed by is one of the campaign's (API.md: "a village is matched by its parent and name"):
 * a resident enrolled in a village of another spelling (东村村委会 for 东村) counts for the township and for no village,
 * and the village's rate, ranked and e-vouchered (Gaolou 附件1, 附件2), comes out too low.
 */
final class UnitRule {

    /** How many of the township's villages a refusal names: enough for a township, not a county's list. */
    private static final int NAMED = 30;

    private UnitRule() {
    }

    /** Why {@code village} is none of {@code township}'s villages in the campaign, where the campaign gives it any. */
    static Optional<InputError> villageProblem(String township, String village, List<TargetsSet.Unit> units) {
        List<String> villages = units.stream().filter(unit -> unit.type() == TargetsSet.UnitType.VILLAGE && township.equals(unit.parent()))
                .map(TargetsSet.Unit::unitName).toList();
        if (villages.isEmpty() || (village != null && villages.contains(village.strip()))) {
            return Optional.empty();
        }
        String named = String.join("、", villages.subList(0, Math.min(NAMED, villages.size()))) + (villages.size() > NAMED ? "……" : "");
        return Optional.of(InputError.field("village", "应为乡镇 " + township + " 在方案中的村（社区）之一：" + named
                + " / is one of the villages of township " + township + " in the campaign: " + named));
    }
}
