package cn.medicare.campaign.infra.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Hands a batch of routed outbox records to Kafka and marks them processed only once every one
 * is acknowledged, so that the engine's offsets never run ahead of what Kafka holds.
 */
final class OutboxForwarder implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";

    private final KafkaProducer<byte[], byte[]> producer;
    private final Converters converters;
    private final AtomicLong forwarded = new AtomicLong();

    OutboxForwarder(KafkaProducer<byte[], byte[]> producer, Converters converters) {
        this.producer = producer;
        this.converters = converters;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            SourceRecord record = event.record();
            if (isForwarded(record)) {
                acknowledgements.add(producer.send(toKafka(record)));
            }
        }
        // A stopping engine interrupts this thread; the batch is in Kafka already, so finish it and
        // commit its offsets rather than send it again after a restart.
        boolean interrupted = awaitAll(acknowledgements);
        try {
            for (RecordChangeEvent<SourceRecord> event : batch) {
                committer.markProcessed(event);
            }
            committer.markBatchFinished();
            forwarded.addAndGet(acknowledgements.size());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean awaitAll(List<Future<RecordMetadata>> acknowledgements) {
        boolean interrupted = false;
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            while (true) {
                try {
                    acknowledgement.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    // the engine stops without committing this batch; a restart sends it again
                    throw new IllegalStateException("Kafka refused an outbox record", e.getCause());
                }
            }
        }
        return interrupted;
    }

    long forwarded() {
        return forwarded.get();
    }

    /** Heartbeats only move the engine's offsets, and an outbox row's deletion carries no event. */
    private static boolean isForwarded(SourceRecord record) {
        return record.value() != null && !record.topic().startsWith(HEARTBEAT_TOPIC_PREFIX);
    }

    private ProducerRecord<byte[], byte[]> toKafka(SourceRecord record) {
        String topic = record.topic();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), converters.header().fromConnectHeader(topic, header.key(), header.schema(), header.value()));
        }
        byte[] key = converters.key().fromConnectData(topic, record.keySchema(), record.key());
        byte[] value = converters.value().fromConnectData(topic, record.valueSchema(), record.value());
        return new ProducerRecord<>(topic, null, record.timestamp(), key, value, headers);
    }
}
