package cn.medicare.campaign.kit;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch's person-years (参保人员年度) picked out of a table keyed by {@code (person_id, coverage_year)} in
 * one statement: {@link #MATCH} is the condition, {@link #bind} gives it the keys as two arrays side by side.
 * The rows are found through the key's index by the person ids first: a join with the unnested pairs alone is
 * planned as a scan of the whole table while the table is small, and a cached plan stays so while it grows.
 */
public final class PersonYears {

    /** The condition on the table's own {@code person_id} and {@code coverage_year}, to follow a {@code where}. */
    public static final String MATCH = """
            person_id = any(cast(:personIds as varchar[]))
            and (person_id, coverage_year) in (select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[])))""";

    private PersonYears() {
    }

    /** Binds {@link #MATCH}'s parameters to the keys. */
    public static <K> JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Collection<K> keys, Function<K, String> personId,
            ToIntFunction<K> coverageYear) {
        return statement.param("personIds", keys.stream().map(personId).toArray(String[]::new))
                .param("coverageYears", keys.stream().map(key -> coverageYear.applyAsInt(key)).toArray(Integer[]::new));
    }
}
