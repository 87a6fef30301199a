package cn.medicare.campaign.kit.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the outbox and the inbox from growing for ever. Debezium has read an outbox row from the
 * WAL long before it is old enough to go (the rows stay a while for audit and replay); an inbox id
 * can go once its event has left the topic (400 days, EVENTS.md), since it can never be redelivered.
 */
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration outbox;
    private final Duration inbox;

    public Retention(JdbcClient jdbc, Clock clock, Duration outbox, Duration inbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${insurance.retention.every:PT1H}")
    @SchedulerLock(name = "retention", lockAtMostFor = "PT30M")
    public void purge() {
        int outboxRows = deleteInChunks("""
                delete from outbox where id in (select id from outbox where created_at < :before limit %d)""".formatted(CHUNK),
                clock.instant().minus(outbox));
        int inboxRows = deleteInChunks("""
                delete from inbox where (consumer_group, event_id) in
                    (select consumer_group, event_id from inbox where applied_at < :before limit %d)""".formatted(CHUNK),
                clock.instant().minus(inbox));
        if (outboxRows + inboxRows > 0) {
            log.info("Retention removed {} outbox rows older than {} and {} inbox ids older than {}", outboxRows, outbox, inboxRows, inbox);
        }
    }

    /** Small transactions, so that a first run over a year of rows does not hold locks for long. */
    private int deleteInChunks(String delete, Instant before) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(delete).param("before", Timestamp.from(before)).update();
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
