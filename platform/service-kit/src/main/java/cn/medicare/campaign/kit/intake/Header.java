package cn.medicare.campaign.kit.intake;

import cn.medicare.campaign.kit.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A list's header line: which position holds which documented column. */
final class Header {

    /** A header cell quoted back to the clerk: a word, never something that may be a resident's number. */
    private static final Pattern NAMEABLE = Pattern.compile("[\\p{L}\\p{N} _()（）-]{1,40}");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\p{N}{6}");

    private final Map<Integer, String> columnAt;
    /** The positions of the form's columns that carry nothing for us (序号). */
    private final Set<Integer> ignoredAt;
    private final int width;
    private final boolean onTheForm;

    private Header(Map<Integer, String> columnAt, Set<Integer> ignoredAt, int width, boolean onTheForm) {
        this.columnAt = columnAt;
        this.ignoredAt = ignoredAt;
        this.width = width;
        this.onTheForm = onTheForm;
    }

    /** @throws ApiException 400 on field {@code header} naming missing, repeated and unknown columns at once */
    static Header of(List<String> cells, ListColumns columns) {
        Map<Integer, String> columnAt = new HashMap<>();
        Set<Integer> ignoredAt = new HashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        boolean onTheForm = false;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).replace("\uFEFF", "").strip();
            if (!cell.isEmpty() && columns.ignores(cell)) {
                ignoredAt.add(i);
            }
            if (cell.isEmpty() || columns.ignores(cell)) {
                continue;
            }
            onTheForm |= columns.isLabel(cell);
            String name = columns.column(cell);
            if (!columns.knows(name)) {
                if (!columns.othersIgnored()) {
                    unknown.add(nameable(name) ? name : "第 " + (i + 1) + " 列 / column " + (i + 1));
                }
                continue;
            }
            if (!seen.add(name)) {
                repeated.add(name);
                continue;
            }
            columnAt.put(i, name);
        }
        List<String> missing = columns.required(onTheForm).stream().filter(name -> !seen.contains(name)).toList();
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("表头缺少列 " + String.join(",", missing) + " / the header lacks the columns " + String.join(",", missing));
        }
        if (!repeated.isEmpty()) {
            problems.add("表头列重复 " + String.join(",", repeated) + " / the header names " + String.join(",", repeated)
                    + " more than once");
        }
        if (!unknown.isEmpty()) {
            problems.add("表头含未知列 " + String.join(",", unknown) + " / the header has unknown columns " + String.join(",", unknown));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("header", String.join("; ", problems) + "; 应为 / expected " + columns.expected());
        }
        return new Header(columnAt, ignoredAt, cells.size(), onTheForm);
    }

    private static boolean nameable(String name) {
        return NAMEABLE.matcher(name).matches() && !DIGIT_RUN.matcher(name).find();
    }

    /** The documented column at a position, or null for a column that is ignored. */
    String columnAt(int position) {
        return columnAt.get(position);
    }

    /** Whether the position is one of the form's columns that carry nothing for us (序号). */
    boolean ignoresAt(int position) {
        return ignoredAt.contains(position);
    }

    int width() {
        return width;
    }

    /** Whether the header names the columns by an official form's labels. */
    boolean onTheForm() {
        return onTheForm;
    }
}
