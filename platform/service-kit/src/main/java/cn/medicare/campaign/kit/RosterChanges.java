package cn.medicare.campaign.kit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 信息变更 field by field: a consumer of the roster keeps, per person-year, the newest value PersonUpdated gave each
 * field and that change's event time, in a table of its own ({@code person_id, coverage_year}, per field the column and
 * {@code <column>_at}, and {@code changed_at}, the newest change's time). A person-year's field is then the newest of
 * its registration's and the changes', whatever order the facts came in: a change replayed from the dead-letter topic
 * after a newer one of other fields keeps its own fields (one roster time per person-year dropped it whole), and a
 * change that overtook its own dead-lettered enrolment applies when the enrolment arrives. A change leaves the roster
 * time alone: it orders enrolments and withdrawals, and a change raising it made a withdrawal replayed later, older than
 * the change, a fact already overtaken.
 *
 * <p>A consumer runs {@link #keep()} for each change that {@link #namesAny names any} of its fields, then {@link #apply}
 * for the person-years the change or a run of enrolments named. The SQL is the consumer's store's to run: the columns are
 * its own.
 *
 * @param table the consumer's table of changes
 * @param fields the fields PersonUpdated may change, as the target table names them
 */
public record RosterChanges(String table, List<Field> fields) {

    /**
     * @param column the column in the target table and in the table of changes
     * @param type its SQL type, for the parameter of a change that leaves it unchanged (null)
     * @param applied the value the target takes from the kept one, {@code %s} standing for it (a school of "" is none)
     */
    public record Field(String column, String type, String applied) {

        public Field(String column, String type) {
            this(column, type, "%s");
        }
    }

    /**
     * Whether a change's values (by column, null for a field it leaves as it was) give any of these fields: one that names
     * none of them (a phone, or another consumer's field) is not kept. The one list of fields decides it.
     */
    public boolean namesAny(Map<String, ?> values) {
        return fields.stream().anyMatch(field -> values.get(field.column()) != null);
    }

    /**
     * The upsert of one change into the table of changes: each field it names replaces the kept one unless that one is
     * newer. Parameters: {@code :personId}, {@code :coverageYear}, {@code :at} and one per field named as its column,
     * null where the change leaves the field as it was.
     */
    public String keep() {
        String columns = fields.stream().map(field -> field.column() + ", " + field.column() + "_at").collect(Collectors.joining(", "));
        String values = fields.stream()
                .map(field -> "cast(:%1$s as %2$s), case when cast(:%1$s as %2$s) is not null then cast(:at as timestamptz) end"
                        .formatted(field.column(), field.type()))
                .collect(Collectors.joining(", "));
        String newer = fields.stream().map(field -> """
                %1$s = case when excluded.%1$s_at >= coalesce(%2$s.%1$s_at, '-infinity') then excluded.%1$s else %2$s.%1$s end,
                %1$s_at = greatest(%2$s.%1$s_at, excluded.%1$s_at)""".formatted(field.column(), table))
                .collect(Collectors.joining(",\n"));
        return ("insert into %s (person_id, coverage_year, %s, changed_at)\nvalues (:personId, :coverageYear, %s, cast(:at as timestamptz))"
                + "\non conflict (person_id, coverage_year) do update set\n%s,\nchanged_at = greatest(%s.changed_at, excluded.changed_at)")
                .formatted(table, columns, values, newer, table);
    }

    /**
     * Applies the kept changes to the person-years {@code :personIds} and {@code :coverageYears} (two arrays side by side)
     * of {@code target}: each field takes the kept value where the change is not older than the registration
     * ({@code registeredAt}, an expression on the target's columns). Only rows that meet {@code condition} change.
     *
     * @param alsoSet further assignments, each ending in a comma, that may read the kept change as {@code change} and
     *     {@link #newer(String, String)} (before the fields take its values)
     */
    public String apply(String target, String registeredAt, String condition, String alsoSet) {
        String assignments = fields.stream()
                .map(field -> "%1$s = case when %2$s then %3$s else %4$s.%1$s end".formatted(field.column(),
                        newer(field.column(), registeredAt), field.applied().formatted("change." + field.column()), target))
                .collect(Collectors.joining(",\n"));
        String times = fields.stream().map(field -> "change." + field.column() + "_at").collect(Collectors.joining(", "));
        return """
                update %1$s set %2$s
                %3$s
                from %5$s change
                where change.person_id = any(cast(:personIds as varchar[]))
                  and (change.person_id, change.coverage_year) in (select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[])))
                  and %1$s.person_id = change.person_id and %1$s.coverage_year = change.coverage_year and %6$s
                  and greatest(%4$s) >= %7$s""".formatted(target, alsoSet, assignments, times, table, condition, registeredAt);
    }

    /** Whether the kept change of {@code column} is to replace the registration's value: it is there and not older. */
    public static String newer(String column, String registeredAt) {
        return "change.%s_at >= %s".formatted(column, registeredAt);
    }
}
