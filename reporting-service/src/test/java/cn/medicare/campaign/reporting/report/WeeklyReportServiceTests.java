package cn.medicare.campaign.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.Taixing;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WeeklyReportServiceTests {

    /** Taixing 2022's students pay from Sept 1, a month before everyone else: their Fridays get the report and the lists. */
    @Test
    void theFridayReportAndListsRunWhileAnyCategoryPays() {
        CampaignDefined taixing = Taixing.campaign2022();

        assertThat(WeeklyReportService.running(taixing, LocalDate.of(2021, 9, 3))).isTrue();
        assertThat(WeeklyReportService.running(taixing, LocalDate.of(2021, 8, 27))).isFalse();
        assertThat(WeeklyReportService.running(taixing, LocalDate.of(2022, 1, 7))).isFalse();
    }

    @Test
    void anExtensionKeepsThemRunning() {
        CampaignDefined liancheng = Liancheng.apiExample(2018);

        assertThat(WeeklyReportService.running(liancheng, LocalDate.of(2018, 1, 26))).isTrue();
        assertThat(WeeklyReportService.running(liancheng, LocalDate.of(2018, 2, 2))).isFalse();
    }
}
