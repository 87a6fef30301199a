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
}
