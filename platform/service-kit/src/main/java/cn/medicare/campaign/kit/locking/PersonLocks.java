package cn.medicare.campaign.kit.locking;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders the writers that change the same people: a transaction locks the {@code person_lock} rows
 * of everyone it is about to change, before it changes anything, in one statement that takes them
 * in person-id order. Two writers then wait for each other only person by person and always in the
 * same order, so they never deadlock, and writers about different people never wait at all (an
 * agency's batch and a consumer on another replica run side by side). Row locks, not advisory
 * ones: a batch of 100,000 people would overflow PostgreSQL's lock table. The table is unlogged: its
 * rows only anchor the locks, so taking them writes no WAL, and a crash that empties it loses nothing.
 *
 * <p>Held until the transaction ends; taking the same person again in it is free, but a writer must
 * take everyone in one call: a second call for people sorting before the first call's would break
 * the order.
 */
public class PersonLocks {

    private final JdbcClient jdbc;

    public PersonLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void lock(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        String[] ordered = personIds.stream().distinct().sorted().toArray(String[]::new);
        // "do update" rather than "do nothing": it locks an existing row as it goes, in the array's order
        jdbc.sql("""
                insert into person_lock (person_id)
                select id from unnest(cast(:ids as varchar[])) with ordinality as wanted(id, position) order by position
                on conflict (person_id) do update set person_id = excluded.person_id""")
                .param("ids", ordered).update();
    }
}
