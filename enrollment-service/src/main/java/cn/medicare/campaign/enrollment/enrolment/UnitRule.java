package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.web.InputError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** What of a standing enrolment the year's campaign does not list. */
    enum Unlisted {
        /** 撤乡并镇: a township the targets do not name, merged into another since last year, say */
        TOWNSHIP,
        /** 村改居: a village the campaign does not list among its township's */
        VILLAGE
    }

    /**
     * The year's townships and their villages as the campaign lists them, read once for a roll-over or a list.
     *
     * @param townships the townships the targets name; empty while the bureau has set none
     */
    record Listed(Set<String> townships, Map<String, List<String>> villages) {

        /**
         * What a renewal copied from last year, or an enrolment made before the bureau listed the units, names that the
         * campaign does not list: the township first, for it decides the village; never a pupil's village, whose
         * 村/社区/班级 cell is the class (the pupil counts for the school).
         */
        Optional<Unlisted> unlisted(String township, String village, String school) {
            if (!townships.isEmpty() && !townships.contains(township)) {
                return Optional.of(Unlisted.TOWNSHIP);
            }
            boolean pupil = school != null && !school.isBlank();
            return !pupil && villageProblem(township, village, villages).isPresent() ? Optional.of(Unlisted.VILLAGE) : Optional.empty();
        }
    }

    static Listed listed(List<TargetsSet.Target> targets, List<TargetsSet.Unit> units) {
        return new Listed(targets.stream().map(TargetsSet.Target::township).collect(Collectors.toUnmodifiableSet()), villagesByTownship(units));
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
