package cn.medicare.campaign.tax.levy;

import java.util.Collection;

/** A levy item's key: one person and coverage year. */
public record PersonYear(String personId, int coverageYear) {

    static String[] personIds(Collection<PersonYear> keys) {
        return keys.stream().map(PersonYear::personId).toArray(String[]::new);
    }

    static Integer[] coverageYears(Collection<PersonYear> keys) {
        return keys.stream().map(PersonYear::coverageYear).toArray(Integer[]::new);
    }
}
