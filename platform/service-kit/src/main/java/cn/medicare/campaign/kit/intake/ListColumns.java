package cn.medicare.campaign.kit.intake;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The columns of a list as its header names them (API.md): the required ones, the optional ones,
 * and whether other columns are refused (the default) or ignored. An official form (附件3, 附件4)
 * names the same columns in Chinese and comes with a title above its header: a list may give
 * each column's label on the form, the form's columns that carry nothing (序号), and may be
 * preceded by title rows.
 */
public final class ListColumns {

    /** A form's title, 填报单位 and date lines: enough for any of the notices' forms, few enough to find a bad header soon. */
    static final int MAX_TITLE_ROWS = 5;

    private final List<String> required;
    private final List<String> optional;
    private final boolean othersIgnored;
    private final Map<String, String> labels;
    private final Set<String> ignored;
    private final List<String> requiredOnTheForm;

    private ListColumns(List<String> required, List<String> optional, boolean othersIgnored, Map<String, String> labels,
            Set<String> ignored, List<String> requiredOnTheForm) {
        this.required = List.copyOf(required);
        this.optional = List.copyOf(optional);
        this.othersIgnored = othersIgnored;
        this.labels = labels.entrySet().stream().collect(Collectors.toUnmodifiableMap(entry -> normal(entry.getKey()), Map.Entry::getValue));
        this.ignored = ignored.stream().map(ListColumns::normal).collect(Collectors.toUnmodifiableSet());
        this.requiredOnTheForm = List.copyOf(requiredOnTheForm);
    }

    public static ListColumns of(List<String> required, List<String> optional) {
        return new ListColumns(required, optional, false, Map.of(), Set.of(), required);
    }

    /** The same columns, other columns (last year's figures beside the targets, say) being ignored. */
    public ListColumns ignoringOthers() {
        return new ListColumns(required, optional, true, labels, ignored, requiredOnTheForm);
    }

    /**
     * The same columns, also known by their labels on an official form ({@code 身份证号码} for
     * {@code idNumber}); {@code ignored} are the form's columns that carry nothing for us (序号), and
     * rows above the header that name no column are the form's title.
     */
    public ListColumns asOnTheForm(Map<String, String> labelToColumn, Set<String> ignoredLabels) {
        return asOnTheForm(labelToColumn, ignoredLabels, required);
    }

    /** The same, where the form has fewer columns than the list (附件4 asks nothing of the household register). */
    public ListColumns asOnTheForm(Map<String, String> labelToColumn, Set<String> ignoredLabels, List<String> requiredOnTheForm) {
        return new ListColumns(required, optional, othersIgnored, labelToColumn, ignoredLabels, requiredOnTheForm);
    }

    /** The columns a header must name: the form's where it uses the form's labels. */
    List<String> required(boolean onTheForm) {
        return onTheForm ? requiredOnTheForm : required;
    }

    /**
     * A header cell as a clerk may have typed it: full-width brackets and letters as half-width, and no spaces, so that
     * 乡（镇）/街道/学校 and 身份证 号码 name the form's columns as printed.
     */
    private static String normal(String cell) {
        return WHITESPACE.matcher(Normalizer.normalize(cell, Normalizer.Form.NFKC)).replaceAll("");
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    boolean isLabel(String cell) {
        return labels.containsKey(normal(cell));
    }

    /** The column a header cell names: itself, or the column its form label stands for. */
    String column(String cell) {
        String normal = normal(cell);
        return labels.getOrDefault(normal, normal);
    }

    boolean ignores(String cell) {
        return ignored.contains(normal(cell));
    }

    /** Whether a record before the header may be a form's title rather than a header: it names no column at all. */
    boolean isTitle(List<String> cells) {
        return !labels.isEmpty() && cells.stream().noneMatch(cell -> cell != null && knows(column(cell.replace("\uFEFF", "").strip())));
    }

    boolean knows(String name) {
        return required.contains(name) || optional.contains(name);
    }

    boolean othersIgnored() {
        return othersIgnored;
    }

    /** Every column in the documented order, for messages. */
    String expected() {
        Set<String> all = new LinkedHashSet<>(required);
        all.addAll(optional);
        return String.join(",", all);
    }
}
