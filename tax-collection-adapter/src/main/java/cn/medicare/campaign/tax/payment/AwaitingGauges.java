package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.EveryReplica;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What this service keeps until something else comes ({@code deploy/prometheus/alerts.yml}):
 * <ul>
 * <li>the refunds kept for a voucher not received ({@code refund_awaiting_voucher}) that the bureau has not closed:
 * {@code insurance_refunds_awaiting_voucher} (still waiting), {@code insurance_refunds_awaiting_voucher_oldest_age_seconds}
 * (0 while none waits) and {@code insurance_refunds_awaiting_voucher_refused} (refused once the voucher came). A voucher's
 * confirmation comes back with the next day's reconciliation file at the latest; a refund that waits longer names a
 * voucher the tax bureau never confirmed, or mistyped (RefundsAwaitingVoucher);</li>
 * <li>the payments kept until their payer is registered ({@code payment_awaiting_registration}):
 * {@code insurance_payments_awaiting_registration} and {@code _oldest_age_seconds}: money taken from someone no county has
 * registered, for a township to register or the bureau to refund (PaymentsAwaitingRegistration).</li>
 * </ul>
 */
@Component
class AwaitingGauges {

    private static final Logger log = LoggerFactory.getLogger(AwaitingGauges.class);

    private final PaymentStore payments;
    private final Clock clock;
    private final AtomicLong refundsWaiting = new AtomicLong();
    private final AtomicLong refundsOldestAgeSeconds = new AtomicLong();
    private final AtomicLong refundsRefused = new AtomicLong();
    private final AtomicLong paymentsWaiting = new AtomicLong();
    private final AtomicLong paymentsOldestAgeSeconds = new AtomicLong();

    AwaitingGauges(PaymentStore payments, Clock clock, MeterRegistry meters) {
        this.payments = payments;
        this.clock = clock;
        Gauge.builder("insurance.refunds.awaiting.voucher", refundsWaiting, AtomicLong::get)
                .description("Refunds the tax bureau sent for a voucher not received yet, waiting for it").register(meters);
        Gauge.builder("insurance.refunds.awaiting.voucher.oldest.age.seconds", refundsOldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest refund has waited for its voucher").register(meters);
        Gauge.builder("insurance.refunds.awaiting.voucher.refused", refundsRefused, AtomicLong::get)
                .description("Refunds kept for a voucher and refused once it came, for the bureau to settle and close").register(meters);
        Gauge.builder("insurance.payments.awaiting.registration", paymentsWaiting, AtomicLong::get)
                .description("Payments kept until a county registers their payer").register(meters);
        Gauge.builder("insurance.payments.awaiting.registration.oldest.age.seconds", paymentsOldestAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("How long the oldest payment has waited for its payer's registration").register(meters);
    }

    /** Read from the database, which every replica shares: each tells the same. */
    @Scheduled(fixedDelayString = "${insurance.observability.refresh-ms:15000}")
    @EveryReplica
    public void refresh() {
        try {
            PaymentStore.AwaitingCount refunds = payments.awaitingCount();
            refundsWaiting.set(refunds.waiting());
            refundsOldestAgeSeconds.set(ageSeconds(refunds.oldest()));
            refundsRefused.set(refunds.refused());
            PaymentStore.AwaitingRegistrationCount registrations = payments.awaitingRegistrationCount();
            paymentsWaiting.set(registrations.waiting());
            paymentsOldestAgeSeconds.set(ageSeconds(registrations.oldest()));
        } catch (DataAccessException e) {
            log.warn("The gauges of what waits were not refreshed: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private long ageSeconds(Instant oldest) {
        return oldest == null ? 0 : Duration.between(oldest, clock.instant()).toSeconds();
    }
}
