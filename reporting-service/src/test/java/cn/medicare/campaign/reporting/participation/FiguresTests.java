package cn.medicare.campaign.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTests {

    @Test
    void rateHasFourDecimalsRoundedHalfUp() {
        assertThat(Figures.rate(1, 3)).isEqualByComparingTo("0.3333");
        assertThat(Figures.rate(2, 3)).isEqualByComparingTo("0.6667");
        assertThat(Figures.rate(1, 80_000)).isEqualTo(new BigDecimal("0.0000"));
        assertThat(Figures.rate(1, 20_000)).isEqualTo(new BigDecimal("0.0001"));
        assertThat(Figures.rate(0, 0)).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void theCountyRateIsTheSumOfEnrolledOverTheSumOfTargetsNotTheMeanOfRates() {
        Figures small = new Figures("350825111", "曲溪乡", 10, 10, 10, Figures.rate(10, 10), 8, 2,
                Map.of("MINIMUM_LIVING", 2), new Figures.Split(9, 9), new Figures.Split(1, 1));
        Figures large = new Figures("350825100", "莲峰镇", 90, 50, 45, Figures.rate(45, 90), 44, 1,
                Map.of("MINIMUM_LIVING", 1), new Figures.Split(50, 45), new Figures.Split(0, 0));

        Figures county = Figures.total(List.of(small, large));

        assertThat(county.rate()).isEqualByComparingTo("0.5500");
        assertThat(county.assistedByCategory()).containsEntry("MINIMUM_LIVING", 3);
        assertThat(county.localHukou()).isEqualTo(new Figures.Split(59, 54));
        assertThat(county.target()).isEqualTo(100);
    }

    /** Lishi's townships have 公安's split, its 教育系统 none: the 合计 row's split would not add up to its 应参保总人数. */
    @Test
    void theTotalSplitsItsTargetOnlyWhereEveryUnitDoes() {
        Figures township = new Figures("350825100", "莲峰镇", 100, 0, 0, Figures.rate(0, 100), 0, 0, Map.of(),
                new Figures.Split(0, 0, 80, 0), new Figures.Split(0, 0, 20, 0));
        Figures education = new Figures("350825900", "教育系统", 50, 0, 0, Figures.rate(0, 50), 0, 0, Map.of(),
                new Figures.Split(0, 0), new Figures.Split(0, 0));
        Figures unassessed = new Figures("350825200", "东街街道", 0, 0, 0, Figures.rate(0, 0), 0, 0, Map.of(),
                new Figures.Split(0, 0), new Figures.Split(0, 0));

        Figures county = Figures.total(List.of(township, education));

        assertThat(county.target()).isEqualTo(150);
        assertThat(county.localHukou().target()).isNull();
        assertThat(county.nonLocal().target()).isNull();
        assertThat(Figures.total(List.of(township, township, unassessed)).localHukou().target())
                .as("a unit with nobody to enrol splits nothing").isEqualTo(160);
    }
}
