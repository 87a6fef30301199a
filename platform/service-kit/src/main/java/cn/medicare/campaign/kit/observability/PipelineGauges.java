package cn.medicare.campaign.kit.observability;

import cn.medicare.campaign.kit.EveryReplica;
import cn.medicare.campaign.kit.inbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * How far behind the pipeline runs, as seen from each service's own database, for the alert rules
 * of {@code deploy/prometheus/alerts.yml}:
 * <ul>
 * <li>{@code insurance_outbox_slot_lag_bytes{slot}}: the WAL PostgreSQL keeps on disk for the relay's replication slot,
 * from its {@code restart_lsn}: a long transaction anywhere on the server holds that back while the relay's confirmed
 * position moves on, and the disk fills all the same;</li>
 * <li>{@code insurance_outbox_slot_lag_seconds{slot}}: the slot's replay lag as its walsender reports it (0 while
 * nothing waits);</li>
 * <li>{@code insurance_outbox_slot_active{slot}}: 1 while a relay (Debezium) reads the slot, 0 while none does: the
 * outbox then fills and no event leaves the service;</li>
 * <li>{@code insurance_inbox_newest_applied_age_seconds{group}}: how long ago this replica last applied a fact
 * ("data as of"; large on a quiet day, which is why the rule also asks for a consumer lag); kept in memory by the
 * inbox, since asking the inbox table for its newest row scanned it whole every 15 s at county scale.</li>
 * <li>{@code insurance_inbox_parked_events{group, type}} and {@code insurance_inbox_parked_oldest_age_seconds{group}}: the
 * events this service's consumers parked and have not applied yet ({@link Inbox#applyParked}), of a type this version does
 * not know (an older replica still running, a producer upgraded first) or one that fails when applied; the table is empty
 * but for a rolling update's minutes, so counting it costs nothing.</li>
 * </ul>
 * Each replica exposes its own, so each refreshes them.
 */
public class PipelineGauges {

    private static final Logger log = LoggerFactory.getLogger(PipelineGauges.class);

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final String group;
    private final MultiGauge slotBytes;
    private final MultiGauge slotSeconds;
    private final MultiGauge slotActive;
    private final MultiGauge inboxAge;
    private final MultiGauge parked;
    private final MultiGauge parkedAge;

    public PipelineGauges(JdbcClient jdbc, Inbox inbox, MeterRegistry meters, String group) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.group = group;
        this.slotBytes = MultiGauge.builder("insurance.outbox.slot.lag.bytes").baseUnit("bytes")
                .description("WAL kept on disk for the outbox relay's replication slot").register(meters);
        this.slotSeconds = MultiGauge.builder("insurance.outbox.slot.lag.seconds").baseUnit("seconds")
                .description("How far behind the outbox relay's replication slot is, in time").register(meters);
        this.slotActive = MultiGauge.builder("insurance.outbox.slot.active")
                .description("1 while a relay reads the outbox's replication slot").register(meters);
        this.inboxAge = MultiGauge.builder("insurance.inbox.newest.applied.age.seconds").baseUnit("seconds")
                .description("Time since this service last applied a fact").register(meters);
        this.parked = MultiGauge.builder("insurance.inbox.parked.events")
                .description("Events parked by a consumer and not applied yet: of a type its version does not know, or failing")
                .register(meters);
        this.parkedAge = MultiGauge.builder("insurance.inbox.parked.oldest.age.seconds").baseUnit("seconds")
                .description("How long the oldest parked event has waited").register(meters);
    }

    @Scheduled(fixedDelayString = "${insurance.observability.refresh-ms:15000}")
    @EveryReplica
    public void refresh() {
        inboxAge.register(inbox.lastAppliedAt().map(applied -> List.<MultiGauge.Row<?>>of(MultiGauge.Row.of(Tags.of("group", group),
                Duration.between(applied, Instant.now()).toMillis() / 1000.0))).orElse(List.of()), true);
        // each on its own: a database that cannot answer one question still answers the other
        try {
            refreshSlots();
        } catch (DataAccessException e) {
            log.warn("Replication slot gauges not refreshed: {}", e.getMostSpecificCause().getMessage());
        }
        try {
            refreshParked();
        } catch (DataAccessException e) {
            log.warn("Parked event gauges not refreshed: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private void refreshSlots() {
        List<MultiGauge.Row<?>> bytes = new ArrayList<>();
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        List<MultiGauge.Row<?>> active = new ArrayList<>();
        jdbc.sql("""
                select s.slot_name,
                       coalesce(pg_wal_lsn_diff(pg_current_wal_insert_lsn(), s.restart_lsn), 0) as lag_bytes,
                       coalesce(extract(epoch from r.replay_lag), 0) as lag_seconds, s.active
                from pg_replication_slots s
                left join pg_stat_replication r on r.pid = s.active_pid
                where s.database = current_database()""")
                .query(row -> {
                    bytes.add(MultiGauge.Row.of(Tags.of("slot", row.getString(1)), row.getDouble(2)));
                    seconds.add(MultiGauge.Row.of(Tags.of("slot", row.getString(1)), row.getDouble(3)));
                    active.add(MultiGauge.Row.of(Tags.of("slot", row.getString(1)), row.getBoolean(4) ? 1 : 0));
                });
        slotBytes.register(bytes, true);
        slotSeconds.register(seconds, true);
        slotActive.register(active, true);
    }

    private void refreshParked() {
        List<MultiGauge.Row<?>> parkedByType = new ArrayList<>();
        Map<String, Double> oldestByGroup = new TreeMap<>();
        jdbc.sql("""
                select consumer_group, type, count(*), extract(epoch from now() - min(parked_at))
                from parked_event group by consumer_group, type""")
                .query(row -> {
                    parkedByType.add(MultiGauge.Row.of(Tags.of("group", row.getString(1), "type", row.getString(2)), row.getDouble(3)));
                    oldestByGroup.merge(row.getString(1), row.getDouble(4), Math::max);
                });
        parked.register(parkedByType, true);
        // this service's group reads 0 with nothing parked, where a missing series would leave a panel saying "no data"
        oldestByGroup.putIfAbsent(group, 0.0);
        parkedAge.register(oldestByGroup.entrySet().stream()
                .<MultiGauge.Row<?>>map(oldest -> MultiGauge.Row.of(Tags.of("group", oldest.getKey()), oldest.getValue())).toList(), true);
    }
}
