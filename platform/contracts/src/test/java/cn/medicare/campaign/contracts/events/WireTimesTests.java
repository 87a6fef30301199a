package cn.medicare.campaign.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireTimesTests {

    @Property
    void readsWhatInstantWritesAsInstantReadsIt(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        String written = Instant.ofEpochSecond(second, nanos).toString();

        assertThat(WireTimes.instant(written)).isEqualTo(Instant.parse(written));
    }

    @Property
    void readsEveryLengthOfFractionAsInstantDoes(@ForAll @IntRange(min = 1, max = 9) int digits,
            @ForAll @IntRange(min = 0, max = 999_999_999) int fraction) {
        String written = "2017-10-20T02:00:00." + String.format("%09d", fraction).substring(0, digits) + "Z";

        assertThat(WireTimes.instant(written)).isEqualTo(Instant.parse(written));
    }

    /** The outbox keeps the text and a snapshot orders by it: the texts sort as their instants and read back to the microsecond. */
    @Property
    void writesMicrosecondsThatSortAsTheirInstantsAndReadBack(@ForAll @LongRange(min = 0, max = 253_402_300_798L) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @LongRange(min = 0, max = 2_000_000) long laterByNanos) {
        Instant earlier = Instant.ofEpochSecond(second, nanos);
        Instant later = earlier.plusNanos(laterByNanos);

        String written = WireTimes.micros(earlier);

        assertThat(written).hasSize("2017-10-20T02:00:00.000000Z".length());
        Instant read = WireTimes.instant(written);
        assertThat(read.getNano() % 1_000).isZero();
        assertThat(Duration.between(earlier, read).abs()).isLessThanOrEqualTo(Duration.ofNanos(500));
        assertThat(written.compareTo(WireTimes.micros(later))).isLessThanOrEqualTo(0);
    }

    @Test
    void writesMicrosecondsRoundedHalfUp() {
        assertThat(WireTimes.micros(Instant.parse("2017-10-20T02:00:00Z"))).isEqualTo("2017-10-20T02:00:00.000000Z");
        assertThat(WireTimes.micros(Instant.parse("2017-10-20T02:00:00.000000499Z"))).isEqualTo("2017-10-20T02:00:00.000000Z");
        assertThat(WireTimes.micros(Instant.parse("2017-10-20T02:00:00.000000500Z"))).isEqualTo("2017-10-20T02:00:00.000001Z");
        assertThat(WireTimes.micros(Instant.parse("2017-12-31T23:59:59.9999995Z"))).isEqualTo("2018-01-01T00:00:00.000000Z");
    }

    /** The forms the relay and the mapper write are read by hand, not by the general readers behind them. */
    @Test
    void readsTheWiresFormsByHand() {
        assertThat(WireTimes.wireInstant("2017-10-20T02:00:00Z")).isEqualTo(Instant.parse("2017-10-20T02:00:00Z"));
        assertThat(WireTimes.wireInstant("2017-10-20T02:00:00.123Z")).isEqualTo(Instant.parse("2017-10-20T02:00:00.123Z"));
        assertThat(WireTimes.wireDate("2017-10-09")).isEqualTo(LocalDate.of(2017, 10, 9));
        assertThat(WireTimes.wireInstant("2017-10-20T10:00:00+08:00")).isNull();
        assertThat(WireTimes.wireDate("2017-10-9")).isNull();
        assertThat(WireTimes.wireDate("2017-02-29")).isNull();
    }

    @Test
    void readsTheFormsItLeavesToInstantAsInstantDoes() {
        for (String other : new String[] {"2017-10-20T10:00:00+08:00", "2016-12-31T23:59:60Z", "+12017-10-20T02:00:00Z",
                "2017-10-20T02:00:00.Z", "2017-10-20T24:00:00Z"}) {
            assertThat(WireTimes.instant(other)).as(other).isEqualTo(Instant.parse(other));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2017-10-20", "2017-10-20T02:00:00", "2017-13-20T02:00:00Z",
            "2017-02-30T02:00:00Z", "2017-10-20T25:00:00Z", "2017-10-20T02:60:00Z", "2017-10-2aT02:00:00Z",
            "2017-10-20T02:00:00.1234567890Z", "2017-10-20 02:00:00Z", "2017-10-20T02:00:00.12a4Z", "２０１７-10-20T02:00:00Z"})
    void refusesWhatInstantRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> WireTimes.instant(text)).isInstanceOf(DateTimeParseException.class);
    }
}
