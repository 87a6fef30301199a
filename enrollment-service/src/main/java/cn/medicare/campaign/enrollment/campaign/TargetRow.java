package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.events.TargetsSet.UnitType;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of the targets table (任务分解表) as the bureau sends it: a unit of API.md's additions
 * ({@code unit, unitName, type, parent, target, ...}), or a township row of the first contract
 * ({@code township, townshipName, target}).
 *
 * @param target a boxed count, so that a row without one is named rather than read as 0; absent where the row gives the
 *     population base instead (公安 household-register counts and residence permits): then their sum
 */
record TargetRow(String unit, String unitName, UnitType type, String parent, Integer target, Integer targetLocalHukou,
        Integer targetNonLocal, @JsonProperty("eVoucherTarget") Integer eVoucherTarget, String township, String townshipName) {

    String code() {
        return unit != null ? unit : township;
    }

    String name() {
        return unitName != null ? unitName : townshipName;
    }

    UnitType kind() {
        return type == null ? UnitType.TOWNSHIP : type;
    }

    /** The row's target, or the population base it was derived from. */
    Integer targetOrPopulation() {
        if (target != null || targetLocalHukou == null || targetNonLocal == null) {
            return target;
        }
        // two parts each within an int may not add up to one: the sum is refused as too large, never wrapped round
        return (int) Math.min(Integer.MAX_VALUE, (long) targetLocalHukou + targetNonLocal);
    }

    /** A township or the education system: a row of the event's {@code targets}. */
    boolean townshipLevel() {
        return kind() == UnitType.TOWNSHIP || kind() == UnitType.EDUCATION_SYSTEM;
    }

    /** The row as checked: code and name stripped, the name passed through {@code name}. */
    TargetsSet.Target asTarget(String keptName) {
        return new TargetsSet.Target(code().strip(), keptName, targetOrPopulation(), eVoucherTarget, kind(), targetLocalHukou,
                targetNonLocal);
    }

    TargetsSet.Unit asUnit(String keptName) {
        return new TargetsSet.Unit(code().strip(), keptName, kind(), parent == null ? null : parent.strip(), targetOrPopulation(),
                targetLocalHukou,
                targetNonLocal, eVoucherTarget);
    }
}
