package cn.medicare.campaign.stack.bench;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.fixtures.Liancheng;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reading a payload costs a consumer (docs/delivery.md, "Session 39"): the three commonest events of a county read
 * by {@link EventJson#read} and as Jackson reads them alone ({@link EventJson#withoutReadingShortcuts}), in alternating
 * rounds on one thread, the median and the fastest round of each. The JVM's compilers decide how fast both are:
 * {@code benchmarks/event-read.sh} runs it with both, then with C1 alone ({@code -XX:TieredStopAtLevel=1},
 * {@code local-stack.sh}'s compiler).
 */
public final class EventReadBenchmark {

    private static final int ROUNDS = 21;

    /** Where each read goes, so that the compiler cannot leave the reading out. */
    private static volatile Object lastRead;

    private final PrintStream out;
    private final int readsPerRound;

    private EventReadBenchmark(PrintStream out, boolean smoke) {
        this.out = out;
        this.readsPerRound = smoke ? 1_000 : 50_000;
    }

    public static void main(String[] args) {
        run(System.out, Arrays.asList(args).contains("--smoke"));
    }

    /** Prints a line per event type and returns the last: {@code event-read: ours_us=.. jacksons_us=..}, the medians' mean. */
    public static String run(PrintStream out, boolean smoke) {
        return new EventReadBenchmark(out, smoke).measure();
    }

    private String measure() {
        JsonMapper jacksons = EventJson.withoutReadingShortcuts();
        List<Event> events = List.of(
                Liancheng.enrolled(Liancheng.idNumber(7), 2018),
                new ContributionAssessed(Liancheng.personId(Liancheng.idNumber(7)), 2018, Liancheng.REGION, new BigDecimal("180.00"),
                        new BigDecimal("140.00"), new BigDecimal("40.00"), AssistanceCategory.MINIMUM_LIVING, AssessmentReason.ENROLLED),
                new PaymentConfirmed(Liancheng.personId(Liancheng.idNumber(7)), 2018, Liancheng.REGION, "CS20180000007",
                        new BigDecimal("40.00"), PaymentChannel.WECHAT, Instant.parse("2017-10-20T02:00:00Z"), PaymentSource.WEBHOOK));
        out.printf(Locale.ROOT, "%-22s %18s %18s%n", "event (us a read)", "EventJson median", "Jackson's median");
        double ours = 0;
        double theirs = 0;
        for (Event event : events) {
            String json = EventJson.write(event);
            double[][] rounds = alternate(json, text -> EventJson.read(text, event.getClass()),
                    text -> jacksons.readValue(text, event.getClass()));
            out.printf(Locale.ROOT, "%-22s %9.2f (%.2f) %10.2f (%.2f)%n", event.type().typeName(),
                    median(rounds[0]), rounds[0][0], median(rounds[1]), rounds[1][0]);
            ours += median(rounds[0]) / events.size();
            theirs += median(rounds[1]) / events.size();
        }
        String last = String.format(Locale.ROOT, "event-read: ours_us=%.2f jacksons_us=%.2f", ours, theirs);
        out.println(last);
        return last;
    }

    /** Microseconds a read in each round of each reader, sorted; the two take turns so that both see the same minutes. */
    private double[][] alternate(String json, Function<String, Object> ours, Function<String, Object> theirs) {
        double[][] rounds = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            rounds[0][round] = microsPerRead(json, ours);
            rounds[1][round] = microsPerRead(json, theirs);
        }
        Arrays.sort(rounds[0]);
        Arrays.sort(rounds[1]);
        return rounds;
    }

    private double microsPerRead(String json, Function<String, Object> reader) {
        long started = System.nanoTime();
        for (int n = 0; n < readsPerRound; n++) {
            lastRead = reader.apply(json);
        }
        return (System.nanoTime() - started) / 1e3 / readsPerRound;
    }

    /** The middle of values sorted, the upper one of an even count. */
    static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }
}
