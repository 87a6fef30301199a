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
 * The targets table (任务分解表) as a CSV file with the header {@code township,townshipName,target}
 * and optionally {@code eVoucherTarget} (医保电子凭证激活) and {@code type} (TOWNSHIP or EDUCATION_SYSTEM),
 * read by the kit's intake; other columns
 * (such as last year's figures) are ignored.
 */
final class TargetsCsv {

    private static final ListColumns COLUMNS = ListColumns.of(List.of("township", "townshipName", "target"), List.of("eVoucherTarget", "type"))
            .ignoringOthers();

    /** A row read, or why not. */
    private record Read(TargetsSet.Target target, InputError error) {
    }

    private TargetsCsv() {
    }

    static List<TargetsSet.Target> parse(ListIntake intake, InputStream csv, String contentType) {
        List<Read> rows = intake.csv(csv, contentType, COLUMNS, TargetsCsv::row);
        if (rows.isEmpty()) {
            throw ApiException.invalid("body", "has a header but no township: one row per township");
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
        String township = row.get("township");
        String name = row.get("townshipName");
        try {
            String eVouchers = row.get("eVoucherTarget");
            TargetsSet.UnitType type = null;
            if (row.get("type") != null) {
                try {
                    type = TargetsSet.UnitType.valueOf(row.get("type").strip());
                } catch (IllegalArgumentException e) {
                    return new Read(null, InputError.row(row.number(), "type", "is TOWNSHIP or EDUCATION_SYSTEM"));
                }
            }
            return new Read(new TargetsSet.Target(township == null ? "" : township, name == null ? "" : name,
                    Integer.parseInt(row.get("target") == null ? "" : row.get("target")),
                    eVouchers == null ? null : Integer.valueOf(eVouchers), type), null);
        } catch (NumberFormatException e) {
            return new Read(null, InputError.row(row.number(), "target", "应为整数人数 / is a whole number of people"));
        }
    }
}
