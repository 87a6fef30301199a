package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.intake.ListColumns;
import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.intake.ListRow;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The targets table (任务分解表) as a CSV file: one unit per row, with the header of API.md's units
 * ({@code unit,unitName,type,parent,target,targetLocalHukou,targetNonLocal,eVoucherTarget}) or the
 * first contract's ({@code township,townshipName,target}), read by the kit's intake; other columns
 * (such as last year's figures) are ignored. A population base (应参保人口: 公安's household-register
 * counts and residence permits) is the same file with {@code targetLocalHukou,targetNonLocal} and no
 * {@code target}: the targets are their sums.
 */
final class TargetsCsv {

    private static final ListColumns COLUMNS = ListColumns.of(List.of(), List.of("target", "unit", "unitName", "type", "parent",
            "township", "townshipName", "targetLocalHukou", "targetNonLocal", "eVoucherTarget")).ignoringOthers();

    /** A row read, or why not. */
    private record Read(TargetRow target, InputError error) {
    }

    private TargetsCsv() {
    }

    static List<TargetRow> parse(ListIntake intake, InputStream csv, String contentType) {
        List<Read> rows = intake.csv(csv, contentType, COLUMNS, TargetsCsv::row);
        if (rows.isEmpty()) {
            throw ApiException.invalid("body", "只有表头，没有乡镇：每个单位一行 / has a header but no township: one row per unit");
        }
        List<InputError> errors = rows.stream().map(Read::error).filter(error -> error != null).toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ArrayList<>(rows.stream().map(Read::target).toList());
    }

    private static Read row(ListRow row) {
        if (row.cellCount() < row.headerWidth()) {
            return new Read(null, InputError.row(row.number(), null, row.widthMismatch()));
        }
        TargetsSet.UnitType type = null;
        if (row.get("type") != null) {
            try {
                type = TargetsSet.UnitType.valueOf(row.get("type").strip());
            } catch (IllegalArgumentException e) {
                return new Read(null, InputError.row(row.number(), "type", "应为 TOWNSHIP、EDUCATION_SYSTEM、VILLAGE 或 SCHOOL / "
                        + "is TOWNSHIP, EDUCATION_SYSTEM, VILLAGE or SCHOOL"));
            }
        }
        for (String count : List.of("target", "targetLocalHukou", "targetNonLocal", "eVoucherTarget")) {
            if (row.get(count) != null && !row.get(count).strip().matches("[0-9]{1,9}")) {
                return new Read(null, InputError.row(row.number(), count, "应为整数人数 / is a whole number of people"));
            }
        }
        return new Read(new TargetRow(row.get("unit"), row.get("unitName"), type, row.get("parent"), count(row, "target"),
                count(row, "targetLocalHukou"), count(row, "targetNonLocal"), count(row, "eVoucherTarget"), row.get("township"),
                row.get("townshipName")), null);
    }

    private static Integer count(ListRow row, String column) {
        return row.get(column) == null ? null : Integer.valueOf(row.get(column).strip());
    }
}
