package cn.medicare.campaign.kit.outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Event ids in time order (UUID version 7, RFC 9562): the millisecond first, then 74 random bits.
 * The outbox's key and every consumer's inbox key are these ids; random ones put each new row on a
 * random page of an index that grows by millions a season, so that every insert read and dirtied an
 * old page, while ids in time order fill the index at its end. The time they carry is when the
 * outbox row was written (not the fact's {@code time} header): that an event was published then says
 * nothing about the person that the record's being on the topic does not.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    public static UUID next() {
        return next(Clock.systemUTC().millis());
    }

    static UUID next(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random[0] & 0x0FL) << 8 | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | (random[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
