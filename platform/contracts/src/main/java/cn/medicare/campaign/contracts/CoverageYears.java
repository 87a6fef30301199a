package cn.medicare.campaign.contracts;

/** 参保年度: the coverage years the contracts carry, as every event schema's {@code CoverageYear} bounds them. */
public final class CoverageYears {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private CoverageYears() {
    }

    /** Whether a coverage year given (or not) is one the contracts carry. */
    public static boolean known(Integer coverageYear) {
        return coverageYear != null && coverageYear >= FIRST && coverageYear <= LAST;
    }
}
