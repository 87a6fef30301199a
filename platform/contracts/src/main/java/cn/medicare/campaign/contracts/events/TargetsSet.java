package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * 任务分解表: how many people each township should enrol in the coverage year ({@code targets}, as
 * EVENTS.md lists them) and, apart from them so that a sum of {@code targets} stays the county's,
 * the smaller units assessed inside the townships: villages and schools ({@code units}).
 */
public record TargetsSet(String region, int coverageYear, List<Target> targets,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Unit> units) implements Event {

    public TargetsSet {
        requireNonNull(region, "region");
        targets = List.copyOf(requireNonNull(targets, "targets"));
        units = units == null ? List.of() : List.copyOf(units);
    }

    public TargetsSet(String region, int coverageYear, List<Target> targets) {
        this(region, coverageYear, targets, List.of());
    }

    @Override
    public EventType type() {
        return EventType.TARGETS_SET;
    }

    /** One key per event type on the compacted topic, so that compaction keeps the campaign too. */
    @Override
    public String key() {
        return region + ":" + coverageYear + ":targets";
    }

    /**
     * 应参保人数 of one township (乡镇/街道, or the education system).
     *
     * @param eVoucherTarget optional: how many residents must activate the medical-insurance e-voucher (医保电子凭证激活, Gaolou)
     * @param type optional (absent: TOWNSHIP): {@code EDUCATION_SYSTEM} for Lishi's 教育系统, a unit beside the townships where
     *     the residents enrolled through a school count
     * @param targetLocalHukou optional: the part of the target with a local household register (本地户籍)
     * @param targetNonLocal optional: the part that are non-local residents with a residence permit (外地户籍持本地居住证)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String township, String townshipName, int target, @JsonProperty("eVoucherTarget") Integer eVoucherTarget,
            UnitType type, Integer targetLocalHukou, Integer targetNonLocal) {

        public Target {
            requireNonNull(township, "township");
            requireNonNull(townshipName, "townshipName");
            if (type == UnitType.TOWNSHIP) {
                type = null;
            }
        }

        public Target(String township, String townshipName, int target) {
            this(township, townshipName, target, null, null, null, null);
        }

        public Target(String township, String townshipName, int target, Integer eVoucherTarget) {
            this(township, townshipName, target, eVoucherTarget, null, null, null);
        }

        public Target(String township, String townshipName, int target, Integer eVoucherTarget, UnitType type) {
            this(township, townshipName, target, eVoucherTarget, type, null, null);
        }

        public boolean educationSystem() {
            return type == UnitType.EDUCATION_SYSTEM;
        }
    }

    /**
     * A village (村/社区) or a school assessed on its own target. A village is matched to the roster by
     * its township and its name, a school by its name.
     *
     * @param unit the unit's code: a village's 12-digit statistical code (its township's 9 digits first), a school's own code
     * @param parent a village's township; a school's township or the education system (optional for a school)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(String unit, String unitName, UnitType type, String parent, int target, Integer targetLocalHukou,
            Integer targetNonLocal, @JsonProperty("eVoucherTarget") Integer eVoucherTarget) {

        public Unit {
            requireNonNull(unit, "unit");
            requireNonNull(unitName, "unitName");
            requireNonNull(type, "type");
        }
    }

    /** The kinds of unit a target row may be (API.md, "Units and targets"). */
    public enum UnitType {
        TOWNSHIP, EDUCATION_SYSTEM, VILLAGE, SCHOOL
    }
}
