package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.reporting.participation.Figures;
import cn.medicare.campaign.reporting.participation.StageResults;
import cn.medicare.campaign.reporting.participation.TownshipRankings;
import cn.medicare.campaign.reporting.report.FormTable.Column;
import cn.medicare.campaign.reporting.report.FormTable.Kind;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kept report as the tables of the county's forms (DOMAIN.md "Official forms"): every report's
 * units in the layout of 附件5 周报表 (应参保总人数 by hukou and permit, 目前已参保总人数, 参保率,
 * 居民自费 by hukou, 资助参保 by 特困 / 低保 / 易致贫返贫 / 返贫 / 其他, a 合计 row), the villages
 * and schools in the same layout, and what the report's type adds: the latest ranking of a
 * bulletin (通报), the stage results of a stage report. Built only from what the report kept, so
 * that a report renders the same today and in a year.
 */
final class ReportForms {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** 附件5's columns of assisted people, each the categories it counts; 其他 is every other assisted person. */
    private static final Map<String, List<AssistanceCategory>> ASSISTED = Map.of(
            "特困人员", List.of(AssistanceCategory.EXTREME_POVERTY),
            "低保对象", List.of(AssistanceCategory.MINIMUM_LIVING),
            "易致贫返贫人员", List.of(AssistanceCategory.MONITORED),
            "返贫人员", List.of(AssistanceCategory.RETURNED_TO_POVERTY));
    private static final List<String> ASSISTED_ORDER = List.of("特困人员", "低保对象", "易致贫返贫人员", "返贫人员");

    private ReportForms() {
    }

    static List<FormTable> of(Report report) {
        Report.Content content = report.content();
        String title = countyName(report) + report.coverageYear() + "年度城乡居民基本医疗保险参保缴费" + kind(report.type());
        List<String> lines = List.of("填报单位：" + countyName(report) + "医疗保障局",
                "截止日期：" + MOMENT.format(report.asOf().atZone(BusinessTime.ZONE)) + "（北京时间）");
        List<FormTable> tables = new ArrayList<>();
        tables.add(units(sheetName(report.type()), title, lines, "单位", null, content.townships(), content.total()));
        if (content.villages() != null && !content.villages().isEmpty()) {
            tables.add(units("村（社区）", title + "（村、社区）", lines, "村（社区）", "乡（镇）", content.villages(),
                    Figures.total(content.villages())));
        }
        if (content.schools() != null && !content.schools().isEmpty()) {
            tables.add(units("学校", title + "（学校）", lines, "学校", null, content.schools(), Figures.total(content.schools())));
        }
        if (content.rankings() != null && !content.rankings().isEmpty()) {
            tables.add(ranking(title, lines, content.rankings().get(content.rankings().size() - 1)));
        }
        if (content.stages() != null && !content.stages().isEmpty()) {
            tables.add(stages(title, lines, content.stages()));
        }
        return tables;
    }

    /**
     * 走势图 of a bulletin: each unit's rate at every period end so far (the rankings it kept) against
     * the stage thresholds and the goal; none for a report without rankings.
     */
    static List<FormChart> charts(Report report) {
        Report.Content content = report.content();
        if (content.rankings() == null || content.rankings().isEmpty()) {
            return List.of();
        }
        List<String> periods = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> rates = new LinkedHashMap<>();
        for (TownshipRankings.Ranking ranking : content.rankings()) {
            String period = DAY.format(ranking.periodEnd());
            periods.add(period);
            for (TownshipRankings.Ranked unit : ranking.townships()) {
                rates.computeIfAbsent(unit.unitName() != null ? unit.unitName() : unit.townshipName(), name -> new LinkedHashMap<>())
                        .put(period, unit.rate());
            }
        }
        List<RateChart.Threshold> thresholds = new ArrayList<>();
        if (content.stages() != null) {
            content.stages().stream().filter(stage -> stage.measure() == null || stage.measure() == CampaignDefined.Stage.Measure.ENROLMENT)
                    .forEach(stage -> thresholds.add(new RateChart.Threshold(DAY.format(stage.deadline()) + " 阶段目标 "
                            + FormText.of(stage.threshold(), Kind.PERCENT), stage.threshold())));
        }
        if (content.total().goal() != null) {
            thresholds.add(new RateChart.Threshold("年度目标 " + FormText.of(content.total().goal(), Kind.PERCENT), content.total().goal()));
        }
        String title = countyName(report) + report.coverageYear() + "年度各单位参保率走势";
        return List.of(new FormChart("走势图", title, RateChart.png(periods, rates, thresholds)));
    }

    static String countyName(Report report) {
        return report.content().regionName() != null ? report.content().regionName() : report.region();
    }

    private static String kind(ReportType type) {
        return switch (type) {
            case WEEKLY -> "进度周报表";
            case HALF_MONTHLY -> "进度半月通报";
            case MONTHLY -> "进度月通报";
            case STAGE -> "阶段目标完成情况";
            default -> "进度统计表";
        };
    }

    private static String sheetName(ReportType type) {
        return type == ReportType.WEEKLY ? "附件5 周报表" : "参保进度";
    }

    /** 附件5: one row per unit and the 合计 row; the villages' table names each village's township too. */
    private static FormTable units(String sheet, String title, List<String> lines, String unitLabel, String parentLabel,
            List<Figures> units, Figures total) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(null, "序号", Kind.COUNT, 6));
        if (parentLabel != null) {
            columns.add(Column.text(parentLabel, 14));
        }
        columns.add(Column.text(unitLabel, 18));
        columns.addAll(List.of(Column.count("应参保总人数", "合计"), Column.count("应参保总人数", "本地户籍"),
                Column.count("应参保总人数", "外地户籍持本地居住证"), Column.count("目前已参保总人数"), Column.of(Kind.PERCENT, "参保率"),
                Column.count("居民自费参保人数", "本地居民"), Column.count("居民自费参保人数", "外籍户口")));
        ASSISTED_ORDER.forEach(label -> columns.add(Column.count("资助参保人数", label)));
        columns.add(Column.count("资助参保人数", "其他"));
        columns.add(Column.text("备注", 18));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Figures unit = units.get(i);
            List<Object> row = new ArrayList<>();
            row.add(i + 1);
            if (parentLabel != null) {
                row.add(unit.townshipName());
            }
            row.add(unit.name());
            row.addAll(figures(unit));
            rows.add(row);
        }
        List<Object> sum = new ArrayList<>();
        sum.add(null);
        if (parentLabel != null) {
            sum.add(null);
        }
        sum.add("合计");
        sum.addAll(figures(total));
        rows.add(sum);
        return new FormTable(sheet, title, lines, columns, rows, 1);
    }

    private static List<Object> figures(Figures f) {
        List<Object> cells = new ArrayList<>(Arrays.asList(f.target(), f.localHukou().target(), f.nonLocal().target(), f.enrolled(),
                f.rate(), f.localHukou().selfPaid(), f.nonLocal().selfPaid()));
        int named = 0;
        for (String label : ASSISTED_ORDER) {
            int count = ASSISTED.get(label).stream().mapToInt(category -> f.assistedByCategory().getOrDefault(category.name(), 0)).sum();
            cells.add(count);
            named += count;
        }
        cells.add(f.assisted() - named);
        cells.add(remark(f));
        return cells;
    }

    /** What a clerk should know beside the figures: the e-voucher activations where the unit has a target for them. */
    private static String remark(Figures f) {
        if (f.eVoucherTarget() == null) {
            return null;
        }
        return "电子凭证激活 " + f.eVoucherActivated() + "/" + f.eVoucherTarget();
    }

    /** 排名: the bulletin's latest period, ties sharing a rank, the bottom's consequences (后三名 unless the campaign counts otherwise). */
    private static FormTable ranking(String title, List<String> lines, TownshipRankings.Ranking ranking) {
        List<Column> columns = List.of(Column.count("排名"), Column.text("单位", 18), Column.of(Kind.PERCENT, "参保率"),
                Column.count("连续后" + bottomName(ranking.bottomOrThree()) + "名次数"), Column.text("书面说明", 10), Column.text("通报批评", 10));
        List<List<Object>> rows = new ArrayList<>();
        for (TownshipRankings.Ranked unit : ranking.townships()) {
            rows.add(Arrays.asList(unit.rank(), unit.unitName() != null ? unit.unitName() : unit.townshipName(), unit.rate(),
                    unit.consecutive(), unit.writtenExplanation() ? "是" : null, unit.criticised() ? "是" : null));
        }
        return new FormTable("排名", title + "（" + DAY.format(ranking.periodEnd()) + "排名）", lines, columns, rows, 0);
    }

    /** 三 for 3, as a clerk writes the count in 后三名; a number beyond ten as digits. */
    private static String bottomName(int bottom) {
        return bottom >= 1 && bottom <= 10 ? "一二三四五六七八九十".substring(bottom - 1, bottom) : String.valueOf(bottom);
    }

    /**
     * 阶段目标: every stage's deadline, what it judges, each unit's result and its reward or penalty. A stage still open (a
     * stage report made before its deadline) shows its progress only: a kept document states no penalty for a stage not over.
     */
    private static FormTable stages(String title, List<String> lines, List<StageResults.StageResult> stages) {
        List<Column> columns = List.of(Column.text("截止日期", 12), Column.text("状态", 10), Column.text("考核内容", 10),
                Column.of(Kind.PERCENT, "目标"), Column.text("单位", 18), Column.count("完成数"), Column.count("任务数"),
                Column.of(Kind.PERCENT, "完成率"), Column.text("是否达标", 8), Column.of(Kind.MONEY, "奖励（元）"),
                Column.of(Kind.MONEY, "扣减（元）"), Column.of(Kind.MONEY, "配套资金（元）"));
        List<List<Object>> rows = new ArrayList<>();
        for (StageResults.StageResult stage : stages) {
            boolean judged = stage.closed();
            String state = !judged ? "进行中" : stage.settledAt() != null ? "已结算" : "已截止";
            for (StageResults.TownshipResult unit : stage.townships()) {
                rows.add(Arrays.asList(DAY.format(stage.deadline()), state, measure(stage.measure()), stage.threshold(),
                        unit.unitName() != null ? unit.unitName() : unit.townshipName(), unit.done(), unit.target(), unit.rate(),
                        judged ? (unit.met() ? "是" : "否") : null, judged ? zeroAsBlank(unit.reward()) : null,
                        judged ? zeroAsBlank(unit.penalty()) : null, judged ? zeroAsBlank(unit.matchingFunds()) : null));
            }
        }
        return new FormTable("阶段目标", title + "（阶段目标）", lines, columns, rows, 0);
    }

    private static String measure(CampaignDefined.Stage.Measure measure) {
        return switch (measure == null ? CampaignDefined.Stage.Measure.ENROLMENT : measure) {
            case E_VOUCHER -> "电子凭证激活";
            case GOAL -> "全年目标";
            default -> "参保缴费";
        };
    }

    private static BigDecimal zeroAsBlank(BigDecimal amount) {
        return amount == null || amount.signum() == 0 ? null : amount;
    }
}
