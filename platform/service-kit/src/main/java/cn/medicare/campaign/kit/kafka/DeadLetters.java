package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import cn.medicare.campaign.kit.inbox.InfrastructureFailure;
import cn.medicare.campaign.kit.inbox.PoisonRecordException;
import cn.medicare.campaign.kit.privacy.FreeText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.BackOff;
import tools.jackson.core.JacksonException;

/**
 * The listener error handling every consumer gets: a failure is retried, and a record that keeps
 * failing for its own reason goes to {@code <topic>.<group>.dlt} and is counted, sent there by the
 * inbox at its limit (the handler's own count starts again whenever a batch passes between two
 * tries); a poison record goes there at once. The partition moves on either way. A failure of the infrastructure (database
 * unreachable, a deadlock, a lost connection) is the record's fault no more than the next one's: it
 * is retried until the infrastructure is back, never dead-lettered (after 12 tries, 3.5 minutes of
 * outage dead-lettered the head record of every partition, each left for a replay by hand).
 */
public final class DeadLetters {

    public static final String COUNTER = "insurance.consumer.dead.letters";

    /**
     * Set on a dead letter whose key, value or headers held a plain ID number, each now 18 stars: replaying it would apply the stars,
     * so its producer sends the record again instead.
     */
    public static final String ID_NUMBERS_REDACTED = "insurance_dlt-id-numbers-redacted";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private static final List<String> EXCEPTION_TEXTS = List.of(KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE,
            KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE, KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE);

    private DeadLetters() {
    }

    /** @param deadLetters the service's one recoverer, the {@code deadLetters} bean, which the inbox and the replay share */
    public static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer deadLetters, String defaultGroup, BackOff retries,
            BackOff infrastructureRetries) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, retries);
        handler.setBackOffFunction((record, failure) -> InfrastructureFailure.in(failure) ? infrastructureRetries : retries);
        handler.addNotRetryableExceptions(PoisonRecordException.class, JacksonException.class, IllegalArgumentException.class);
        // the container logs the handler's "seek to current" after every failed delivery with two stacks at ERROR
        // (1,000 poison records: some 60,000 lines); a line per failed delivery and per dead letter says it all
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners((record, failure, attempt) -> log.warn("Delivery {} of {}-{}@{} failed for group {}: {}", attempt,
                record.topic(), record.partition(), record.offset(), group(defaultGroup), rootMessage(failure)));
        return handler;
    }

    /**
     * Sends a record the group gave up on to {@code <topic>.<group>.dlt}, its plain ID numbers starred, counts and logs it: the
     * listeners' error handler's last step, the inbox's for a record no one can read, and the replay's for a dead letter that
     * fails again ({@link DeadLetterReplay}).
     */
    static ConsumerRecordRecoverer recoverer(KafkaOperations<?, ?> template, MeterRegistry meters, String defaultGroup) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic(), group(defaultGroup)), -1)) {

            // a parser's message quotes the value it refused, and a malformed record may hold an ID number anywhere: neither
            // may reach the dead-letter topic (EVENTS.md); a record without one goes as it came, to be replayed once mended
            @Override
            protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record, TopicPartition topicPartition,
                    Headers headers, byte[] key, byte[] value) {
                for (String name : EXCEPTION_TEXTS) {
                    Header header = headers.lastHeader(name);
                    if (header != null) {
                        byte[] redacted = FreeText.redact(new String(header.value(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                        headers.remove(name);
                        headers.add(name, redacted);
                    }
                }
                ProducerRecord<Object, Object> deadLetter = super.createProducerRecord(record, topicPartition, headers, key, value);
                Object redactedKey = withoutIdNumbers(deadLetter.key());
                Object redactedValue = withoutIdNumbers(deadLetter.value());
                Header[] all = deadLetter.headers().toArray();
                byte[][] values = Arrays.stream(all).map(header -> (byte[]) withoutIdNumbers(header.value())).toArray(byte[][]::new);
                boolean headersRedacted = IntStream.range(0, all.length).anyMatch(i -> values[i] != all[i].value());
                if (headersRedacted) {
                    // in their order, each value kept but for its numbers: a name may repeat
                    Arrays.stream(all).map(Header::key).distinct().forEach(deadLetter.headers()::remove);
                    IntStream.range(0, all.length).forEach(i -> deadLetter.headers().add(all[i].key(), values[i]));
                }
                if (redactedKey == deadLetter.key() && redactedValue == deadLetter.value() && !headersRedacted) {
                    return deadLetter;
                }
                deadLetter.headers().add(ID_NUMBERS_REDACTED, "true".getBytes(StandardCharsets.UTF_8));
                return new ProducerRecord<>(deadLetter.topic(), deadLetter.partition(), deadLetter.timestamp(), redactedKey, redactedValue,
                        deadLetter.headers());
            }
        };
        return (record, failure) -> {
            publisher.accept(record, failure);
            String group = group(defaultGroup);
            counter(meters, record.topic(), group).increment();
            log.warn("Dead-lettered {}-{}@{} for group {}: {}", record.topic(), record.partition(), record.offset(), group,
                    rootMessage(failure));
        };
    }

    /** The same key, value or header value when it holds no ID number, else a copy of it with each one starred. */
    private static Object withoutIdNumbers(Object data) {
        if (data instanceof String text) {
            return IdNumberLeaks.redact(text);
        }
        if (data instanceof byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            String redacted = IdNumberLeaks.redact(text);
            return redacted == text ? bytes : redacted.getBytes(StandardCharsets.UTF_8);
        }
        return data;
    }

    /** The count of a topic's records the group gave up on; registered at 0 for every topic consumed, so that it exists before the first. */
    static Counter counter(MeterRegistry meters, String topic, String group) {
        return Counter.builder(COUNTER)
                .description("Records a consumer gave up on and sent to its dead-letter topic")
                .tag("topic", topic)
                .tag("group", group)
                .register(meters);
    }

    private static String group(String defaultGroup) {
        String group = KafkaUtils.getConsumerGroupId();
        return group != null ? group : defaultGroup;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + FreeText.redact(root.getMessage());
    }
}
