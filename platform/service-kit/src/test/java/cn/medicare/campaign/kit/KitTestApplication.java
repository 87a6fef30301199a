package cn.medicare.campaign.kit;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.kit.inbox.DispatchingHandler;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxHandler;
import cn.medicare.campaign.kit.inbox.InboxListener;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.kit.inbox.Timed;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/** A consumer built on the kit, the way every service builds one: a thin adapter over the inbox. */
@SpringBootApplication
class KitTestApplication {

    static final String GROUP = "kit-test";
    static final String PAYMENTS = "kit-test.payments";
    static final String POISON = "kit-test.poison";
    static final String FIXABLE = "kit-test.fixable";
    static final String BATCHED = "kit-test.batched";
    static final String RUNS = "kit-test.runs";
    /** An amount whose payment the batched consumer's work for the whole batch cannot finish. */
    static final BigDecimal UNFINISHABLE = new BigDecimal("66.66");
    /** An amount whose payment the batched consumer's work for the whole batch judges only past the {@code gate} row's lock. */
    static final BigDecimal GATED = new BigDecimal("55.55");
    /** Counted down when the judgement of a GATED payment finds the gate held; a test sets a fresh one. */
    static final AtomicReference<CountDownLatch> GATE_FOUND_HELD = new AtomicReference<>(new CountDownLatch(1));
    /** An amount the consumer refuses until a test "deploys the fix" by clearing it. */
    static final AtomicReference<BigDecimal> REFUSED_AMOUNT = new AtomicReference<>();
    /** An amount the consumer hangs on, as on a lock or a half-open socket, until the test lets it go. */
    static final BigDecimal HANGING = new BigDecimal("77.77");
    static final CountDownLatch HUNG = new CountDownLatch(1);
    static final CountDownLatch LET_GO = new CountDownLatch(1);

    /** Endpoints that refuse, to show how every service answers bad input. */
    @RestController
    @RequestMapping("/kit-test")
    static class RefusingController {

        record PaymentRequest(BigDecimal amount) {
        }

        record NoteRequest(String text, List<String> tags, LocalDate on, Instant at) {
        }

        @PostMapping("/payments")
        PaymentRequest pay(@RequestBody PaymentRequest request) {
            if (request.amount().signum() < 0) {
                throw ApiException.invalid("amount", "must not be negative");
            }
            return request;
        }

        @PostMapping("/notes")
        NoteRequest note(@RequestBody NoteRequest request) {
            return request;
        }

        @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        long upload(@RequestPart("file") MultipartFile file) {
            return file.getSize();
        }

        @GetMapping("/years")
        int year(@RequestParam int year, @RequestParam(required = false) String township) {
            return year;
        }

        @GetMapping("/whoami")
        Caller whoami(Caller caller) {
            return caller;
        }

        @GetMapping("/townships-only")
        @PreAuthorize("hasRole('TOWNSHIP')")
        String townshipsOnly(Caller caller) {
            return caller.township();
        }

        @GetMapping("/refusals/conflict")
        void conflict() {
            throw ApiException.conflict("already enrolled for 2018");
        }

        @PostMapping("/refusals/too-large")
        void tooLarge() {
            throw new MaxUploadSizeExceededException(20L * 1024 * 1024);
        }

        @PostMapping("/refusals/broken-form")
        void brokenForm() {
            throw new MultipartException("no multipart boundary was found");
        }

        @GetMapping("/refusals/rule")
        void rule() {
            throw ApiException.ruleViolated("no campaign for 350825 and 2018");
        }
    }

    private static void awaitLettingGo() {
        try {
            if (!LET_GO.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never let the hanging consumer go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An {@link InboxListener}, as every service's consumer is: the replay gives it its dead letters again. */
    @Component
    static class PaymentTotalsConsumer extends InboxListener {

        PaymentTotalsConsumer(Inbox inbox, JdbcTemplate jdbc) {
            super(inbox, event -> {
                PaymentConfirmed payment = event.as(PaymentConfirmed.class);
                if (payment.amount().equals(HANGING)) {
                    HUNG.countDown();
                    awaitLettingGo();
                }
                if (payment.amount().equals(REFUSED_AMOUNT.get())) {
                    throw new IllegalArgumentException("this consumer cannot handle " + payment.amount() + " yet");
                }
                jdbc.update("""
                        insert into payment_totals (person_id, payments, total) values (?, 1, ?)
                        on conflict (person_id) do update
                        set payments = payment_totals.payments + 1, total = payment_totals.total + excluded.total""",
                        payment.personId(), payment.amount());
            }, GROUP);
        }

        @KafkaListener(topics = {PAYMENTS, POISON, FIXABLE}, groupId = GROUP)
        void on(List<ConsumerRecord<String, String>> records) {
            apply(records);
        }
    }

    /**
     * Counts each payment as it is applied and re-judges its person once per batch, the way a
     * service's set-based handler does; the re-judging fails for a batch holding an unfinishable payment.
     */
    @Component
    static class BatchedTotalsConsumer {

        private final Inbox inbox;
        private final InboxHandler handler;

        BatchedTotalsConsumer(Inbox inbox, JdbcTemplate jdbc) {
            this.inbox = inbox;
            this.handler = new InboxHandler() {
                @Override
                public void apply(IncomingEvent event) {
                    jdbc.update("""
                            insert into payment_totals (person_id, payments, total) values (?, 1, ?)
                            on conflict (person_id) do update
                            set payments = payment_totals.payments + 1, total = payment_totals.total + excluded.total""",
                            event.as(PaymentConfirmed.class).personId(), event.as(PaymentConfirmed.class).amount());
                }

                @Override
                public void afterApplying(List<IncomingEvent> applied) {
                    List<PaymentConfirmed> payments = applied.stream().map(event -> event.as(PaymentConfirmed.class)).toList();
                    if (payments.stream().anyMatch(payment -> payment.amount().equals(UNFINISHABLE))) {
                        throw new IllegalStateException("cannot re-judge a person who paid " + UNFINISHABLE);
                    }
                    if (payments.stream().anyMatch(payment -> payment.amount().equals(GATED))) {
                        try {
                            jdbc.queryForList("select id from gate where id = 1 for update nowait");
                        } catch (DataAccessException held) {
                            GATE_FOUND_HELD.get().countDown();
                            throw held;
                        }
                    }
                    payments.stream().collect(Collectors.groupingBy(PaymentConfirmed::personId, Collectors.counting()))
                            .forEach((person, events) -> jdbc.update("insert into judgement (person_id, events) values (?, ?)",
                                    person, events.intValue()));
                }
            };
        }

        @KafkaListener(topics = BATCHED, groupId = GROUP)
        void on(List<ConsumerRecord<String, String>> records) {
            inbox.apply(GROUP, records, handler);
        }
    }

    /**
     * Enters payments in runs (one statement for consecutive payments) and refunds one by one, in a
     * ledger that keeps the order of application; a run holding an unfinishable payment fails.
     */
    @Component
    static class LedgerConsumer implements DispatchingHandler {

        private final Inbox inbox;
        private final JdbcTemplate jdbc;
        private final EventHandlers handlers;

        LedgerConsumer(Inbox inbox, JdbcTemplate jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                    .inRuns(PaymentConfirmed.class, this::enter)
                    .on(PaymentRefunded.class, refund -> jdbc.update("insert into ledger (person_id, entry, run_size) values (?, ?, 0)",
                            refund.personId(), refund.amount().negate()))
                    .ignore(EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED)
                    .build();
        }

        @Override
        public EventHandlers handlers() {
            return handlers;
        }

        private void enter(List<Timed<PaymentConfirmed>> run) {
            if (run.stream().anyMatch(payment -> payment.event().amount().equals(UNFINISHABLE))) {
                throw new IllegalStateException("cannot enter a payment of " + UNFINISHABLE);
            }
            jdbc.update("""
                    insert into ledger (person_id, entry, run_size)
                    select person_id, entry, ? from unnest(cast(? as varchar[]), cast(? as numeric[])) with ordinality as run(person_id, entry, n)
                    order by n""", run.size(), run.stream().map(payment -> payment.event().personId()).toArray(String[]::new),
                    run.stream().map(payment -> payment.event().amount()).toArray(BigDecimal[]::new));
        }

        @KafkaListener(topics = RUNS, groupId = GROUP)
        void on(List<ConsumerRecord<String, String>> records) {
            inbox.apply(GROUP, records, this);
        }
    }
}
