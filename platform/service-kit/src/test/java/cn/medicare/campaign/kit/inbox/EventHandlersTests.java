package cn.medicare.campaign.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventHandlersTests {

    @Test
    void everyTypeOfTheTopicsIsHandledOrIgnoredOrTheHandlersDoNotBuild() {
        assertThatIllegalStateException()
                .isThrownBy(() -> EventHandlers.forTopics(Topics.PAYMENTS).on(PaymentConfirmed.class, payment -> { }).build())
                .withMessageContaining("PaymentRefunded").withMessageContaining("RefundDue");

        EventHandlers.forTopics(Topics.PAYMENTS).on(PaymentConfirmed.class, payment -> { })
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED).build();
    }

    @Test
    void aTypeIsHandledOnce() {
        assertThatIllegalStateException().isThrownBy(() -> EventHandlers.forTopics(Topics.PAYMENTS)
                .on(PaymentRefunded.class, refund -> { }).ignore(EventType.PAYMENT_REFUNDED));
    }

    @Test
    void aTimedHandlerGetsTheEventsTimeAndATypeTheContractsDoNotKnowYetIsSkipped() {
        List<Instant> times = new ArrayList<>();
        EventHandlers handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                .onTimed(PaymentConfirmed.class, (payment, time) -> times.add(time))
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED).build();
        PaymentConfirmed payment = new PaymentConfirmed("0123456789abcdef0123456789abcdef", 2018, "350825", "V1",
                new BigDecimal("180.00"), PaymentChannel.WECHAT, Instant.parse("2017-10-09T02:15:00Z"), PaymentSource.WEBHOOK);
        Instant at = Instant.parse("2017-10-09T02:16:00Z");

        handlers.apply(new IncomingEvent(UUID.randomUUID(), "PaymentConfirmed", "tax-collection-adapter", at, 1,
                Topics.PAYMENTS, payment.key(), Optional.of(payment), null));
        handlers.apply(new IncomingEvent(UUID.randomUUID(), "PaymentChanged", "tax-collection-adapter", at, 1,
                Topics.PAYMENTS, payment.key(), Optional.empty(), "{}"));

        assertThat(times).containsExactly(at);
    }

    @Test
    void theTypesAppliedOneByOneOrForTheWholeBatchAreReadAndTheIgnoredOnesAreNot() {
        EventHandlers handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                .on(PaymentConfirmed.class, payment -> { })
                .inBatch(EventType.PAYMENT_REFUNDED)
                .ignore(EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED).build();

        assertThat(handlers.applies(EventType.PAYMENT_CONFIRMED)).isTrue();
        assertThat(handlers.applies(EventType.PAYMENT_REFUNDED)).isTrue();
        assertThat(handlers.applies(EventType.REFUND_DUE)).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> EventHandlers.forTopics(Topics.PAYMENTS)
                .inBatch(EventType.PAYMENT_REFUNDED).ignore(EventType.PAYMENT_REFUNDED));
    }

    @Test
    void aRunIsHandedOverWholeWithEachEventsTimeAndOnlyItsTypeIsAppliedInRuns() {
        List<List<Timed<PaymentConfirmed>>> runs = new ArrayList<>();
        EventHandlers handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                .inRuns(PaymentConfirmed.class, runs::add)
                .on(PaymentRefunded.class, refund -> { })
                .ignore(EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED).build();
        PaymentConfirmed first = new PaymentConfirmed("0123456789abcdef0123456789abcdef", 2018, "350825", "V1",
                new BigDecimal("180.00"), PaymentChannel.WECHAT, Instant.parse("2017-10-09T02:15:00Z"), PaymentSource.WEBHOOK);
        PaymentConfirmed second = new PaymentConfirmed("0123456789abcdef0123456789abcdef", 2018, "350825", "V2",
                new BigDecimal("20.00"), PaymentChannel.WECHAT, Instant.parse("2017-10-10T02:15:00Z"), PaymentSource.WEBHOOK);
        Instant at = Instant.parse("2017-10-09T02:16:00Z");

        handlers.applyRun(List.of(
                new IncomingEvent(UUID.randomUUID(), "PaymentConfirmed", "tax-collection-adapter", at, 1, Topics.PAYMENTS,
                        first.key(), Optional.of(first), null),
                new IncomingEvent(UUID.randomUUID(), "PaymentConfirmed", "tax-collection-adapter", at.plusSeconds(60), 1,
                        Topics.PAYMENTS, second.key(), Optional.of(second), null)));

        assertThat(runs).containsExactly(List.of(new Timed<>(first, at), new Timed<>(second, at.plusSeconds(60))));
        assertThat(handlers.appliesInRuns(EventType.PAYMENT_CONFIRMED)).isTrue();
        assertThat(handlers.appliesInRuns(EventType.PAYMENT_REFUNDED)).isFalse();
        assertThat(handlers.applies(EventType.PAYMENT_CONFIRMED)).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> EventHandlers.forTopics(Topics.PAYMENTS)
                .inRuns(PaymentConfirmed.class, run -> { }).on(PaymentConfirmed.class, payment -> { }));
    }
}
