package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.reporting.readmodel.Definitions;

/**
 * 考核层级: the level participation, stages and rankings are answered at (API.md {@code level=}).
 * Each says how a person is matched to a unit of the level and where the level's units and targets
 * are kept; the education system is a TOWNSHIP-level row.
 */
public enum Level {

    TOWNSHIP(Definitions.UNIT, Definitions.UNIT_BY, """
            select township as unit, township_name as unit_name, unit_type, null as parent, target, target_local_hukou,
                   target_non_local, e_voucher_target, township as match_key
            from township_target where region = :region and coverage_year = :coverageYear"""),

    /**
     * A village is its township's and its name's: the roster keeps the village's name. A pupil who counts for the education
     * system instead of their township counts for none of its villages either.
     */
    VILLAGE("case when " + Definitions.COUNTS_FOR_EDUCATION_SYSTEM + " then null"
            + " else person_year.township || '|' || coalesce(person_year.village, '') end",
            "case when " + Definitions.COUNTS_FOR_EDUCATION_SYSTEM_BY + " then null else " + Definitions.TOWNSHIP_BY
                    + " || '|' || coalesce(" + Definitions.VILLAGE_BY + ", '') end", """
            select unit, unit_name, unit_type, parent, target, target_local_hukou, target_non_local, e_voucher_target,
                   parent || '|' || unit_name as match_key
            from unit_target where region = :region and coverage_year = :coverageYear and unit_type = 'VILLAGE'"""),

    SCHOOL("person_year.school", Definitions.SCHOOL_BY, """
            select unit, unit_name, unit_type, parent, target, target_local_hukou, target_non_local, e_voucher_target,
                   unit_name as match_key
            from unit_target where region = :region and coverage_year = :coverageYear and unit_type = 'SCHOOL'""");

    private final String personKey;
    private final String personKeyBy;
    private final String units;

    Level(String personKey, String personKeyBy, String units) {
        this.personKey = personKey;
        this.personKeyBy = personKeyBy;
        this.units = units;
    }

    /** The key a person of {@code person_year} counts under at this level, now or at the past moment {@code :at}. */
    String personKey(boolean live) {
        return live ? personKey : personKeyBy;
    }

    /**
     * The level's units with their targets and the key their people count under, bound by {@code :region},
     * {@code :coverageYear}: the targets in force now, or at the past moment {@code :at}.
     */
    String units(boolean live) {
        return units + " and " + (live ? Definitions.TARGETS_IN_FORCE : Definitions.TARGETS_IN_FORCE_BY);
    }
}
