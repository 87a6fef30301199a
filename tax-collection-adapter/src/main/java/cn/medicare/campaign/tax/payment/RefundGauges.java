package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.EveryReplica;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The refunds kept for a voucher not received ({@code refund_awaiting_voucher}) that the bureau has not closed:
 * {@code insurance_refunds_awaiting_voucher} (still waiting), {@code insurance_refunds_awaiting_voucher_oldest_age_seconds}
 * (0 while none waits) and {@code insurance_refunds_awaiting_voucher_refused} (refused once the voucher came). A voucher's
 * confirmation comes back with the next day's reconciliation file at the latest; a refund that waits longer names a
 * voucher the tax bureau never confirmed, or mistyped ({@code deploy/prometheus/alerts.yml}, RefundsAwaitingVoucher).
 */
@Component
class RefundGauges {

    private static final Logger log = LoggerFactory.getLogger(RefundGauges.class);

    private final PaymentStore payments;
    private final Clock clock;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    RefundGauges(PaymentStore payments, Clock clock, MeterRegistry meters) {
        this.payments = payments;
        this.clock = clock;
        Gauge.builder("insurance.refunds.awaiting.voucher", waiting, AtomicLong::get)
                .description("Refunds the tax bureau sent for a voucher not received yet, waiting for it").register(meters);
        Gauge.builder("insurance.refunds.awaiting.voucher.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest refund has waited for its voucher").register(meters);
        Gauge.builder("insurance.refunds.awaiting.voucher.refused", refused, AtomicLong::get)
                .description("Refunds kept for a voucher and refused once it came, for the bureau to settle and close").register(meters);
    }

    /** Read from the database, which every replica shares: each tells the same. */
    @Scheduled(fixedDelayString = "${insurance.observability.refresh-ms:15000}")
    @EveryReplica
    public void refresh() {
        try {
            PaymentStore.AwaitingCount count = payments.awaitingCount();
            waiting.set(count.waiting());
            oldestAgeSeconds.set(count.oldest() == null ? 0 : Duration.between(count.oldest(), clock.instant()).toSeconds());
            refused.set(count.refused());
        } catch (DataAccessException e) {
            log.warn("Refund gauges not refreshed: {}", e.getMostSpecificCause().getMessage());
        }
    }
}
