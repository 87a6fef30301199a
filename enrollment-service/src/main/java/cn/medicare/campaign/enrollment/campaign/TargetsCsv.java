package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The targets table (任务分解表) as a CSV file with the header {@code township,townshipName,target};
 * other columns (such as last year's figures) are ignored.
 */
final class TargetsCsv {

    private TargetsCsv() {
    }

    static List<TargetsSet.Target> parse(String csv) {
        List<String> lines = csv.strip().lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw ApiException.invalid("body", "is empty: expected a header township,townshipName,target and one row per township");
        }
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split(",", -1)).map(String::trim).toList();
        int township = header.indexOf("township");
        int name = header.indexOf("townshipName");
        int target = header.indexOf("target");
        if (township < 0 || name < 0 || target < 0) {
            throw ApiException.invalid("header", "must name the columns township, townshipName and target");
        }
        List<TargetsSet.Target> targets = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",", -1);
            if (cells.length < header.size()) {
                errors.add(InputError.row(row, null, "has " + cells.length + " columns, the header has " + header.size()));
                continue;
            }
            try {
                targets.add(new TargetsSet.Target(cells[township].trim(), cells[name].trim(), Integer.parseInt(cells[target].trim())));
            } catch (NumberFormatException e) {
                errors.add(InputError.row(row, "target", "is a whole number of people, not \"" + cells[target].trim() + "\""));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return targets;
    }
}
