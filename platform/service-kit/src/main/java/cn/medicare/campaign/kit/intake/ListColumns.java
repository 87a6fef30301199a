package cn.medicare.campaign.kit.intake;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a list as its header names them (API.md): the required ones, the optional ones,
 * and whether other columns are refused (the default) or ignored.
 */
public final class ListColumns {

    private final List<String> required;
    private final List<String> optional;
    private final boolean othersIgnored;

    private ListColumns(List<String> required, List<String> optional, boolean othersIgnored) {
        this.required = List.copyOf(required);
        this.optional = List.copyOf(optional);
        this.othersIgnored = othersIgnored;
    }

    public static ListColumns of(List<String> required, List<String> optional) {
        return new ListColumns(required, optional, false);
    }

    /** The same columns, other columns (last year's figures beside the targets, say) being ignored. */
    public ListColumns ignoringOthers() {
        return new ListColumns(required, optional, true);
    }

    List<String> required() {
        return required;
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
