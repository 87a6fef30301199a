package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.web.InputError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A village a township is assessed by is one of the campaign's (API.md: "a village is matched by its parent and name"):
 * a resident enrolled in a village of another spelling (东村村委会 for 东村) counts for the township and for no village,
 * and the village's rate, ranked and e-vouchered (Gaolou 附件1, 附件2), comes out too low. A school likewise, where the
 * campaign assesses schools (Taixing: 100 % per school; "a school by its name").
 */
final class UnitRule {

    /** How many villages or schools a refusal names: enough for a township, not a county's list. */
    private static final int NAMED = 30;

    private UnitRule() {
    }

    /** The campaign's villages by their township's code, to be read once per request: a county's list asks for every row. */
    static Map<String, List<String>> villagesByTownship(List<TargetsSet.Unit> units) {
        return units.stream().filter(unit -> unit.type() == TargetsSet.UnitType.VILLAGE && unit.parent() != null)
                .collect(Collectors.groupingBy(TargetsSet.Unit::parent, Collectors.mapping(TargetsSet.Unit::unitName, Collectors.toList())));
    }

    /** The campaign's schools by name. */
    static List<String> schools(List<TargetsSet.Unit> units) {
        return units.stream().filter(unit -> unit.type() == TargetsSet.UnitType.SCHOOL).map(TargetsSet.Unit::unitName).toList();
    }

    /** Why {@code village} is none of {@code township}'s villages in the campaign, where the campaign gives it any. */
    static Optional<InputError> villageProblem(String township, String village, Map<String, List<String>> villagesByTownship) {
        List<String> villages = villagesByTownship.getOrDefault(township, List.of());
        if (villages.isEmpty() || (village != null && villages.contains(village.strip()))) {
            return Optional.empty();
        }
        return Optional.of(InputError.field("village", "应为乡镇 " + township + " 在方案中的村（社区）之一：" + named(villages)
                + " / is one of the villages of township " + township + " in the campaign: " + named(villages)));
    }

    /** Why {@code school} (not blank) is none of the campaign's schools, where the campaign gives any. */
    static Optional<InputError> schoolProblem(String school, List<String> schools) {
        if (school == null || school.isBlank() || schools.isEmpty() || schools.contains(school.strip())) {
            return Optional.empty();
        }
        return Optional.of(InputError.field("school", "应为方案中的学校之一：" + named(schools) + " / is one of the campaign's schools: "
                + named(schools)));
    }

    private static String named(List<String> names) {
        return String.join("、", names.subList(0, Math.min(NAMED, names.size()))) + (names.size() > NAMED ? "……" : "");
    }
}
