package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

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

    /** 应参保人数 of one township (乡镇/街道, or the education system). */
    public record Target(String township, String townshipName, int target) {

        public Target {
            requireNonNull(township, "township");
            requireNonNull(townshipName, "townshipName");
        }
    }
}
