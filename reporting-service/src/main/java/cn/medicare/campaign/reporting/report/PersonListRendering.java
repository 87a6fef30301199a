package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.export.SpreadsheetText;
import cn.medicare.campaign.reporting.report.FormTable.Column;
import cn.medicare.campaign.reporting.report.FormTable.Kind;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A Friday list as the files a township passes to its villages: CSV, and a workbook with the county's title. */
final class PersonListRendering {

    private static final List<Column> COLUMNS = List.of(new Column(null, "序号", Kind.COUNT, 6), Column.text("乡（镇）", 14),
            Column.text("村（社区）", 14), Column.text("学校", 16), Column.text("班级", 10), Column.text("姓名", 10),
            Column.text("身份证号码", 22), Column.text("联系电话", 14),
            Column.text("资助类别", 16), Column.of(Kind.MONEY, "应缴金额（元）"), Column.of(Kind.MONEY, "已缴金额（元）"),
            Column.of(Kind.MONEY, "欠缴金额（元）"), Column.text("缴费截止日", 12), Column.text("备注", 30));

    /** Why a village need not chase someone this year: their payment would start coverage only in the next one. */
    private static final String PAY_BY_PASSED = "已过缴费截止日，本年度缴费不能享受待遇";

    private PersonListRendering() {
    }

    static byte[] csv(PersonListController.Listing listing) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(SpreadsheetText.csvLine(COLUMNS.stream().map(Column::label).toList()))
                .append("\r\n");
        for (List<Object> row : rows(listing)) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                cells.add(FormText.of(row.get(c), COLUMNS.get(c).kind()));
            }
            csv.append(SpreadsheetText.csvLine(cells)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(PersonListController.Listing listing, PersonList kind, String countyName) {
        String title = countyName + listing.coverageYear() + "年度城乡居民基本医疗保险" + kind.title
                + (listing.unitName() != null ? "（" + listing.unitName() + "）"
                        : listing.people().isEmpty() || listing.unit() == null ? "" : "（" + listing.people().get(0).townshipName() + "）");
        List<String> lines = List.of("共 " + listing.people().size() + " 人",
                "截止日期：" + DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(listing.asOf().atZone(BusinessTime.ZONE)) + "（北京时间）");
        return FormXlsx.write(List.of(new FormTable(kind.title, title, lines, COLUMNS, rows(listing), 0)), List.of(), listing.asOf());
    }

    private static List<List<Object>> rows(PersonListController.Listing listing) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (PersonListController.Person person : listing.people()) {
            rows.add(Arrays.asList(++n, person.townshipName(), person.village(), person.school(), person.schoolClass(), person.name(),
                    person.idNumberMasked(), person.phone(),
                    person.assistanceCategories().stream().map(AssistanceCategory::chineseName).collect(Collectors.joining("、")),
                    person.payableAmount(), person.paidAmount(), person.outstanding(), person.payBy() == null ? null : person.payBy().toString(),
                    person.payByPassed() ? PAY_BY_PASSED : null));
        }
        return rows;
    }
}
