package cn.medicare.campaign.kit.inbox;

import cn.medicare.campaign.contracts.events.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An event of a run and its time (the {@code time} header), for upserts guarded by event time. */
public record Timed<T extends Event>(T event, Instant time) {

    /**
     * Of a run's events for one key, the one that applying them in order leaves standing under an
     * event-time guard ({@code where stored_at <= excluded.at}): the latest, of equal times the
     * later one. One statement cannot upsert a row twice, so a run is reduced to these first.
     */
    public static <T extends Event> List<Timed<T>> latestPer(List<Timed<T>> run, Function<T, ?> key) {
        Map<Object, Timed<T>> latest = new LinkedHashMap<>();
        run.forEach(one -> latest.merge(key.apply(one.event()), one, (kept, later) -> later.time().isBefore(kept.time()) ? kept : later));
        return List.copyOf(latest.values());
    }
}
