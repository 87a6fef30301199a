package cn.medicare.campaign.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTests {

    private static final long MOMENT = Instant.parse("2017-10-20T02:00:00.123Z").toEpochMilli();

    @Test
    void anIdIsAVersionSevenUuidCarryingItsMillisecond() {
        UUID id = EventIds.next(MOMENT);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(MOMENT);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", MOMENT >>> 16, MOMENT & 0xFFFF));
    }

    /** PostgreSQL orders uuids by their bytes, as their text sorts: a later millisecond sorts after. */
    @Test
    void aLaterMillisecondSortsAfterEveryIdOfAnEarlierOne() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(EventIds.next(MOMENT + 1).toString()).isGreaterThan(EventIds.next(MOMENT).toString());
        }
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.next(MOMENT));
        }
        assertThat(ids).hasSize(100_000);
    }
}
