package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.kit.locking.PersonLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers that change overlapping people, each meeting them in its own order (a consumer in arrival
 * order, an agency batch in file order), never deadlock once they lock through {@link PersonLocks};
 * writers about different people never wait for each other.
 */
class PersonLocksIntegrationTests extends KitIntegrationTestBase {

    private static final int ROUNDS = 200;

    @Autowired
    PersonLocks locks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void writersMeetingTheSamePeopleInOppositeOrdersNeverDeadlock() {
        jdbc.execute("create table if not exists lock_test_counter (person_id varchar(64) primary key, writes int not null)");
        List<String> people = IntStream.range(0, 20).mapToObj(n -> "lock-test-" + n).toList();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            Random random = new Random(writer);
            writers.add(CompletableFuture.runAsync(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    List<String> met = new ArrayList<>(people.subList(0, 5 + random.nextInt(15)));
                    Collections.shuffle(met, random);
                    transaction.executeWithoutResult(status -> {
                        locks.lock(met);
                        // in the order the writer met them: without the locks two writers would deadlock here
                        met.forEach(person -> jdbc.update("""
                                insert into lock_test_counter (person_id, writes) values (?, 1)
                                on conflict (person_id) do update set writes = lock_test_counter.writes + 1""", person));
                    });
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
        System.out.printf("[person-locks] 4 writers x %d transactions over 20 shared people in shuffled orders: 0 deadlocks%n", ROUNDS);
    }

    @Test
    void aWriterAboutOtherPeopleDoesNotWait() {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            locks.lock(List.of("held-a", "held-b"));
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        await().atMost(Duration.ofSeconds(30)).until(() -> locked.getCount() == 0);

        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> locks.lock(List.of("other-c"))));
        await().atMost(Duration.ofSeconds(30)).until(other::isDone);
        CompletableFuture<Void> same = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> locks.lock(List.of("held-b"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%person_lock%'", Integer.class) > 0);
        assertThat(same).as("a writer about a held person waits").isNotDone();

        release.countDown();
        holder.join();
        same.join();
    }
}
