package cn.medicare.campaign.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.reporting.participation.Figures;
import cn.medicare.campaign.reporting.participation.StageResults;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportFormsTests {

    private static final Figures LIANFENG = new Figures("350825100", "莲峰镇", 100, 80, 70, new BigDecimal("0.7000"), 70, 0, Map.of(),
            new Figures.Split(80, 70), new Figures.Split(0, 0));

    /**
     * A stage report made on Nov 10 judged the Nov 30 stage and the year's goal on that day's figures: a kept document
     * stated a penalty of 1,500 and the matching funds for stages not over. Open, they show their progress only.
     */
    @Test
    void aStageStillOpenShowsItsProgressAndNoJudgement() {
        StageResults.TownshipResult short70 = new StageResults.TownshipResult("350825100", "莲峰镇", new BigDecimal("0.7000"), false,
                BigDecimal.ZERO, new BigDecimal("1500.00"), null, null, 70, 100, new BigDecimal("3800.00"));
        StageResults.StageResult settled = new StageResults.StageResult(LocalDate.of(2017, 10, 31), new BigDecimal("0.75"),
                new BigDecimal("500.00"), new BigDecimal("50.00"), CampaignDefined.Stage.Measure.ENROLMENT, true, List.of(short70),
                Instant.parse("2017-10-31T16:05:00Z"), "schedule");
        StageResults.StageResult open = new StageResults.StageResult(LocalDate.of(2017, 11, 30), new BigDecimal("1.00"),
                new BigDecimal("500.00"), new BigDecimal("50.00"), CampaignDefined.Stage.Measure.ENROLMENT, false, List.of(short70),
                null, null);
        Report report = new Report(UUID.randomUUID(), ReportType.STAGE, "350825", 2018, Instant.parse("2017-11-10T02:00:00Z"),
                Instant.parse("2017-11-10T02:00:00Z"), new Report.Content(Figures.total(List.of(LIANFENG)), List.of(LIANFENG), null,
                        List.of(settled, open), null, null, "连城县"));

        FormTable stages = ReportForms.of(report).stream().filter(table -> table.sheet().equals("阶段目标")).findFirst().orElseThrow();

        assertThat(stages.columns().get(1).label()).isEqualTo("状态");
        assertThat(stages.rows().get(0)).containsExactly("2017年10月31日", "已结算", "参保缴费", new BigDecimal("0.75"), "莲峰镇", 70, 100,
                new BigDecimal("0.7000"), "否", null, new BigDecimal("1500.00"), new BigDecimal("3800.00"));
        assertThat(stages.rows().get(1)).containsExactly("2017年11月30日", "进行中", "参保缴费", new BigDecimal("1.00"), "莲峰镇", 70, 100,
                new BigDecimal("0.7000"), null, null, null, null);
    }
}
