package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** 任务分解表: how many people each township should enrol in the coverage year. */
public record TargetsSet(String region, int coverageYear, List<Target> targets) implements Event {

    public TargetsSet {
        requireNonNull(region, "region");
        targets = List.copyOf(requireNonNull(targets, "targets"));
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
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String township, String townshipName, int target, @JsonProperty("eVoucherTarget") Integer eVoucherTarget,
            UnitType type) {

        public Target {
            requireNonNull(township, "township");
            requireNonNull(townshipName, "townshipName");
            if (type == UnitType.TOWNSHIP) {
                type = null;
            }
        }

        public Target(String township, String townshipName, int target) {
            this(township, townshipName, target, null, null);
        }

        public Target(String township, String townshipName, int target, Integer eVoucherTarget) {
            this(township, townshipName, target, eVoucherTarget, null);
        }

        public boolean educationSystem() {
            return type == UnitType.EDUCATION_SYSTEM;
        }
    }

    /** The kinds of unit a target row may be (villages and schools wait for their own rows: issue 10). */
    public enum UnitType {
        TOWNSHIP, EDUCATION_SYSTEM
    }
}
