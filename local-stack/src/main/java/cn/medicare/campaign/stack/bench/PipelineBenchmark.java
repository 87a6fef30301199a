package cn.medicare.campaign.stack.bench;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.relay.ConnectorConfiguration;
import cn.medicare.campaign.infra.relay.OutboxRelay;
import cn.medicare.campaign.infra.relay.Relay;
import cn.medicare.campaign.kit.outbox.EventIds;
import cn.medicare.campaign.stack.StackInfrastructure;
import cn.medicare.campaign.stack.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * How close the event pipeline comes to this machine's own limits. First the raw ceilings, on the
 * same fresh embedded stack: PostgreSQL writing state and outbox rows (batched inserts, and COPY),
 * Kafka producing and consuming on the same broker, Debezium decoding outbox rows from a slot into
 * Kafka, PostgreSQL upserting a read-model-like table; their bound H = 1 / sum(1 / ceiling). Then
 * the real path, once warm (see {@link #warmUp()}): PaymentConfirmed rows written into the tax
 * adapter's outbox at rising offered rates, through the relay and Kafka to the reporting service's inbox and participation read
 * model, each event's latency measured from its outbox time to the reporting inbox's applied time,
 * until the backlog stops being flat or p99 passes a second; then half that load, and the drain of
 * a backlog left while the relay was stopped.
 *
 * <p>{@code benchmarks/pipeline.sh [--smoke]}; the last line is
 * {@code pipeline: e2e_max=.. bound=.. M1=.. M2=.. M3=.. p50_ms=.. p99_ms=.. drain=..}.
 */
public final class PipelineBenchmark {

    private static final String GROUP = "reporting-service";
    private static final Duration STEP_DRAIN_LIMIT = Duration.ofSeconds(120);
    /** Warm once the compilers were busy for less than this share of a warm-up step's time. */
    private static final double WARM = 0.1;

    private final Infrastructure infrastructure;
    private final Path work;
    private final PrintStream out;
    private final int ceilingEvents;
    private final Duration step;
    private final int firstRate;
    private final int lastRate;
    private final int warmUpRate;
    private final int warmUpSteps;
    private final Admin kafka;
    /** The payment topic's partitions, each asked for its end offset; looked up once the suite has declared the topic. */
    private Map<TopicPartition, OffsetSpec> paymentEnds;
    private long voucher;

    private PipelineBenchmark(Infrastructure infrastructure, Path work, PrintStream out, boolean smoke) {
        this.infrastructure = infrastructure;
        this.work = work;
        this.out = out;
        this.ceilingEvents = smoke ? 2_000 : 100_000;
        this.step = smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
        this.firstRate = smoke ? 100 : 250;
        this.lastRate = smoke ? 200 : 64_000;
        this.warmUpRate = smoke ? 100 : 1_000;
        this.warmUpSteps = smoke ? 1 : 18;
        this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
    }

    public static void main(String[] args) throws IOException {
        boolean smoke = List.of(args).contains("--smoke");
        Path work = Files.createTempDirectory("pipeline-");
        try (StackInfrastructure infrastructure = StackInfrastructure.embedded(work)) {
            run(infrastructure, work, System.out, smoke);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** @return the last line it printed */
    public static String run(Infrastructure infrastructure, Path work, PrintStream out, boolean smoke) {
        PipelineBenchmark benchmark = new PipelineBenchmark(infrastructure, work, out, smoke);
        try {
            return benchmark.run();
        } finally {
            benchmark.kafka.close();
        }
    }

    private String run() {
        Map<String, Double> ceilings = new LinkedHashMap<>();
        ceilings.put("postgres insert", postgresInsert());
        double copy = postgresCopy();
        ceilings.put("debezium decode", debeziumDecode());
        double[] kafka = kafkaProduceAndConsume();
        ceilings.put("kafka produce", kafka[0]);
        ceilings.put("kafka consume", kafka[1]);
        ceilings.put("postgres upsert", postgresUpsert());
        double bound = 1 / ceilings.values().stream().mapToDouble(ceiling -> 1 / ceiling).sum();
        out.printf(Locale.ROOT, "%-36s %12s%n", "ceiling (state+outbox events/s)", "events/s");
        ceilings.forEach((name, rate) -> out.printf(Locale.ROOT, "%-36s %,12.0f%n", name, rate));
        out.printf(Locale.ROOT, "%-36s %,12.0f%n", "postgres copy (not in the bound)", copy);
        out.printf(Locale.ROOT, "%-36s %,12.0f%n", "bound H = 1 / sum(1 / ceiling)", bound);

        try (Suite suite = Suite.start(infrastructure, false, work.resolve("relay-offsets"), out)) {
            warmUp();
            out.printf(Locale.ROOT, "%n%10s %10s %8s %8s %10s%n", "offered/s", "applied/s", "p50 ms", "p99 ms", "backlog");
            // the highest rate kept up with, doubling, then once halfway between the last two; the first rate
            // reports what it reached even when it was not kept up with
            Step best = null;
            for (int rate = firstRate; rate <= lastRate; rate *= 2) {
                Step result = offer(rate);
                print(result);
                if (best != null && !result.keptUp()) {
                    Step between = offer(best.offered() + (rate - best.offered()) / 2);
                    print(between);
                    best = between.keptUp() ? between : best;
                    break;
                }
                best = result;
                if (!result.keptUp()) {
                    break;
                }
            }
            Step half = offer(Math.max(1, (int) best.applied() / 2));
            print(half);
            double drain = drain(suite, half.offered());
            String last = String.format(Locale.ROOT,
                    "pipeline: e2e_max=%.0f bound=%.0f M1=%.2f M2=%.2f M3=%.2f p50_ms=%d p99_ms=%d drain=%.1f",
                    best.applied(), bound, best.applied() / bound,
                    ceilings.get("debezium decode") / Math.min(ceilings.get("postgres insert"), ceilings.get("kafka produce")),
                    best.applied() / ceilings.get("postgres upsert"), half.p50(), half.p99(), drain);
            out.println(last);
            return last;
        }
    }

    /**
     * Holds a moderate rate until HotSpot has compiled what the path runs. On two cores its compilers
     * took most of one core for the first two minutes of a fresh suite (75 s of CPU in a run without
     * warm-up, C2 compiling some 4,000 methods), so a ladder started cold measured the compiler beside
     * the pipeline. A sustained rate is a warm one; {@code benchmarks/county-scale.sh} measures the
     * cold start.
     */
    private void warmUp() {
        CompilationMXBean compilers = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long compiledBefore = compilers.getTotalCompilationTime();
        double busy = 1;
        int steps = 0;
        while (steps < warmUpSteps && busy >= WARM) {
            long stepCompiled = compilers.getTotalCompilationTime();
            long stepStarted = System.nanoTime();
            offer(warmUpRate);
            steps++;
            busy = (compilers.getTotalCompilationTime() - stepCompiled) / ((System.nanoTime() - stepStarted) / 1e6);
        }
        out.printf(Locale.ROOT, "%nwarm-up: %d steps at %,d/s in %.0f s, the compilers busy %.0f s of it and %.0f %% of the last step%n",
                steps, warmUpRate, (System.nanoTime() - started) / 1e9, (compilers.getTotalCompilationTime() - compiledBefore) / 1e3,
                100 * busy);
    }

    /** One offered rate held for {@code step}: what was applied, how late, and what was left behind. */
    private record Step(int offered, double applied, long p50, long p99, long backlog) {

        boolean keptUp() {
            return p99 <= 1_000 && backlog <= offered;
        }
    }

    private void print(Step result) {
        out.printf(Locale.ROOT, "%,10d %,10.0f %8d %8d %,10d%s%n", result.offered(), result.applied(), result.p50(), result.p99(),
                result.backlog(), result.keptUp() ? "" : "   <- not kept up");
    }

    private Step offer(int rate) {
        long publishedBefore = published();
        Map<UUID, Instant> written = new LinkedHashMap<>();
        long started = System.nanoTime();
        long tick = Duration.ofMillis(100).toNanos();
        long ticks = step.toNanos() / tick;
        try (Connection tax = infrastructure.postgres("tax").connect("tax")) {
            tax.setAutoCommit(false);
            for (long n = 0; n < ticks; n++) {
                int rows = (int) (rate * (n + 1) / 10 - rate * n / 10);
                writePayments(tax, rows, written);
                LockSupport.parkNanos(started + (n + 1) * tick - System.nanoTime());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Instant end = Instant.now();
        long backlog = written.size() - appliedBy(written.keySet(), end);
        Map<UUID, Instant> applied = awaitApplied(written.keySet(), publishedBefore).applied();
        List<Long> latencies = new ArrayList<>();
        written.forEach((id, time) -> latencies.add(Duration.between(time, applied.get(id)).toMillis()));
        latencies.sort(Comparator.naturalOrder());
        Instant first = written.values().iterator().next();
        Instant last = applied.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        double seconds = Math.max(step.toMillis(), Duration.between(first, last).toMillis()) / 1000.0;
        return new Step(rate, written.size() / seconds, percentile(latencies, 50), percentile(latencies, 99), backlog);
    }

    /** A backlog written while the relay was stopped, then drained: the drain rate over the offered rate. */
    private double drain(Suite suite, int offered) {
        suite.stopRelay();
        long publishedBefore = published();
        Map<UUID, Instant> written = new LinkedHashMap<>();
        try (Connection tax = infrastructure.postgres("tax").connect("tax")) {
            tax.setAutoCommit(false);
            int backlog = (int) (offered * step.toSeconds());
            for (int from = 0; from < backlog; from += 1_000) {
                writePayments(tax, Math.min(1_000, backlog - from), written);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        suite.startRelay(Relay.Kind.EMBEDDED, work.resolve("relay-offsets"), 0);
        // from the moment the relay streams again (its start is printed apart) to the last event's application
        Instant streaming = Instant.now();
        Arrival arrival = awaitApplied(written.keySet(), publishedBefore);
        List<Instant> applied = arrival.applied().values().stream().sorted().toList();
        double rate = written.size() / (Math.max(1, Duration.between(streaming, applied.get(applied.size() - 1)).toMillis()) / 1000.0);
        out.printf(Locale.ROOT, "drain: %,d events left in the outbox while the relay was stopped, applied at %,.0f/s (%.1f x %,d/s);"
                        + " the first %d ms after the relay's start, half after %d ms, all in Kafka after %d ms, all applied after %d ms%n",
                written.size(), rate, rate / offered, offered, Duration.between(streaming, applied.get(0)).toMillis(),
                Duration.between(streaming, applied.get(applied.size() / 2)).toMillis(),
                Duration.between(streaming, arrival.inKafka()).toMillis(),
                Duration.between(streaming, applied.get(applied.size() - 1)).toMillis());
        return rate / offered;
    }

    private void writePayments(Connection tax, int rows, Map<UUID, Instant> written) throws SQLException {
        try (PreparedStatement insert = tax.prepareStatement(BenchOutbox.INSERT)) {
            Instant now = Instant.now();
            for (int i = 0; i < rows; i++) {
                long n = voucher++;
                PaymentConfirmed payment = new PaymentConfirmed(String.format("%032x", n), 2018, "350825", "PB" + String.format("%010d", n),
                        new BigDecimal("180.00"), PaymentChannel.WECHAT, Instant.parse("2017-10-20T02:00:00Z"), PaymentSource.WEBHOOK);
                UUID id = EventIds.next();
                BenchOutbox.bind(insert, id, Topics.PAYMENTS, payment.key(), EventJson.write(payment), now);
                insert.addBatch();
                written.put(id, now);
            }
            insert.executeBatch();
            tax.commit();
        }
    }

    private long appliedBy(Collection<UUID> ids, Instant end) {
        try (Connection reporting = infrastructure.postgres("reporting").connect("reporting");
                PreparedStatement count = reporting.prepareStatement(
                        "select count(*) from inbox where consumer_group = ? and event_id = any(?) and applied_at <= ?")) {
            count.setString(1, GROUP);
            count.setArray(2, reporting.createArrayOf("uuid", ids.toArray()));
            count.setTimestamp(3, Timestamp.from(end));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param applied when each event was applied
     * @param inKafka when the topic's end offsets were first seen to hold them all (looked at every 50 ms; a record the
     *     relay sent twice counts twice there, so this can be a little early): a drain whose events were all in Kafka long
     *     before the last was applied was the consumer's to speed up, not the relay's
     */
    private record Arrival(Map<UUID, Instant> applied, Instant inKafka) {
    }

    /**
     * Waits on Kafka's offsets, which cost nothing to ask, and asks the inbox for the events by id only once
     * the relay has published them all (each at least once) and the read model's group has consumed
     * everything published: asked every 200 ms, the inbox's lookup of every id took some 170 ms of
     * PostgreSQL's time for 10,000 events, competing with the pipeline it measured.
     */
    private Arrival awaitApplied(Collection<UUID> ids, long publishedBefore) {
        long deadline = System.nanoTime() + STEP_DRAIN_LIMIT.toNanos();
        Instant inKafka = null;
        while (true) {
            long published = published();
            if (published >= publishedBefore + ids.size()) {
                inKafka = inKafka == null ? Instant.now() : inKafka;
                if (consumed() >= published) {
                    Map<UUID, Instant> applied = applied(ids);
                    if (applied.size() == ids.size()) {
                        return new Arrival(applied, inKafka);
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(applied(ids).size() + " of " + ids.size() + " events applied after " + STEP_DRAIN_LIMIT);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** Payments published to Kafka since the topic was made: the sum of its partitions' end offsets. */
    private long published() {
        if (paymentEnds == null) {
            paymentEnds = ConsumerProgress.answer(kafka.describeTopics(List.of(Topics.PAYMENTS)).allTopicNames()).get(Topics.PAYMENTS).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(Topics.PAYMENTS, partition.partition()),
                            partition -> OffsetSpec.latest()));
        }
        return ConsumerProgress.answer(kafka.listOffsets(paymentEnds).all()).values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }

    /** Payments the read model's group has consumed and committed (after its inbox's transaction). */
    private long consumed() {
        return ConsumerProgress.answer(kafka.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()).entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(Topics.PAYMENTS) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset()).sum();
    }


    private Map<UUID, Instant> applied(Collection<UUID> ids) {
        Map<UUID, Instant> applied = new LinkedHashMap<>();
        try (Connection reporting = infrastructure.postgres("reporting").connect("reporting");
                PreparedStatement select = reporting.prepareStatement(
                        "select event_id, applied_at from inbox where consumer_group = ? and event_id = any(?)")) {
            select.setString(1, GROUP);
            select.setArray(2, reporting.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return applied;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    // ---- ceilings ----

    private double postgresInsert() {
        String database = freshDatabase("bench_insert");
        createStateAndOutbox(database);
        try (Connection connection = infrastructure.postgres().connect(database)) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement state = connection.prepareStatement("insert into state (person_id, coverage_year, paid) values (?, 2018, 180.00)");
                    PreparedStatement outbox = connection.prepareStatement(BenchOutbox.INSERT)) {
                for (int n = 0; n < ceilingEvents; n++) {
                    state.setString(1, String.format("%032x", n));
                    state.addBatch();
                    BenchOutbox.bind(outbox, EventIds.next(), Topics.PAYMENTS + ".bench", String.format("%032x", n), BenchOutbox.PAYLOAD,
                            Instant.now());
                    outbox.addBatch();
                    if (n % 500 == 499 || n == ceilingEvents - 1) {
                        state.executeBatch();
                        outbox.executeBatch();
                        connection.commit();
                    }
                }
            }
            return ceilingEvents / ((System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private double postgresCopy() {
        String database = freshDatabase("bench_copy");
        createStateAndOutbox(database);
        try (Connection connection = infrastructure.postgres().connect(database)) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (int from = 0; from < ceilingEvents; from += 5_000) {
                int to = Math.min(ceilingEvents, from + 5_000);
                StringBuilder state = new StringBuilder();
                for (int n = from; n < to; n++) {
                    state.append(String.format("%032x", n)).append("\t2018\t180.00\n");
                }
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy state (person_id, coverage_year, paid) from stdin",
                        new StringReader(state.toString()));
                BenchOutbox.copy(connection, Topics.PAYMENTS, from, to);
                connection.commit();
            }
            return ceilingEvents / ((System.nanoTime() - started) / 1e9);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Outbox rows committed in batches while the connector streams: decoded from the slot, routed and produced to Kafka. */
    private double debeziumDecode() {
        String database = freshDatabase("bench_cdc");
        createStateAndOutbox(database);
        ConnectorConfiguration connector = ConnectorConfiguration.forService("tax-collection-adapter")
                .with("database.dbname", database).with("slot.name", database).with("publication.name", database)
                .with("topic.prefix", database);
        try (OutboxRelay relay = OutboxRelay.start(connector, infrastructure.postgres(), infrastructure.kafkaBootstrapServers(), Map.of(),
                work.resolve("bench-cdc-offsets"))) {
            long started = System.nanoTime();
            try (Connection connection = infrastructure.postgres().connect(database);
                    PreparedStatement outbox = connection.prepareStatement(BenchOutbox.INSERT)) {
                connection.setAutoCommit(false);
                for (int n = 0; n < ceilingEvents; n++) {
                    BenchOutbox.bind(outbox, EventIds.next(), "bench.cdc", String.format("%032x", n), BenchOutbox.PAYLOAD, Instant.now());
                    outbox.addBatch();
                    if (n % 1_000 == 999 || n == ceilingEvents - 1) {
                        outbox.executeBatch();
                        connection.commit();
                    }
                }
            }
            long deadline = System.nanoTime() + STEP_DRAIN_LIMIT.toNanos();
            while (relay.forwarded() < ceilingEvents && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            return relay.forwarded() / ((System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            infrastructure.postgres().dropDatabase(database);
        }
    }

    private double[] kafkaProduceAndConsume() {
        String topic = "bench.kafka." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        double produce;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            // one acknowledged record per partition first: a topic just created has no leaders the producer knows yet
            for (int partition = 0; partition < 12; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, "warm-up", BenchOutbox.PAYLOAD)).get();
            }
            long started = System.nanoTime();
            for (int n = 0; n < ceilingEvents; n++) {
                producer.send(new ProducerRecord<>(topic, String.format("%032x", n), BenchOutbox.PAYLOAD));
            }
            producer.flush();
            produce = ceilingEvents / ((System.nanoTime() - started) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record", e.getCause());
        }
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            long firstPoll = 0;
            while (seen < ceilingEvents + 12) {
                for (ConsumerRecord<String, String> ignored : consumer.poll(Duration.ofMillis(200))) {
                    if (seen++ == 0) {
                        firstPoll = System.nanoTime();
                    }
                }
            }
            return new double[] {produce, ceilingEvents / ((System.nanoTime() - firstPoll) / 1e9)};
        }
    }

    private double postgresUpsert() {
        String database = freshDatabase("bench_upsert");
        try (Connection connection = infrastructure.postgres().connect(database)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table read_model (person_id varchar(32), coverage_year int, paid numeric(12,2) not null, "
                        + "payments int not null, primary key (person_id, coverage_year))");
                ddl.execute("create table inbox (consumer_group varchar(255), event_id uuid, applied_at timestamptz not null default now(), "
                        + "primary key (consumer_group, event_id))");
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement inbox = connection.prepareStatement("insert into inbox (consumer_group, event_id) values ('bench', ?) "
                    + "on conflict do nothing");
                    PreparedStatement upsert = connection.prepareStatement("""
                            insert into read_model (person_id, coverage_year, paid, payments) values (?, 2018, 180.00, 1)
                            on conflict (person_id, coverage_year) do update
                            set paid = read_model.paid + excluded.paid, payments = read_model.payments + 1""")) {
                for (int n = 0; n < ceilingEvents; n++) {
                    inbox.setObject(1, EventIds.next());
                    inbox.addBatch();
                    upsert.setString(1, String.format("%032x", n % (ceilingEvents / 2)));
                    upsert.addBatch();
                    if (n % 500 == 499 || n == ceilingEvents - 1) {
                        inbox.executeBatch();
                        upsert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return ceilingEvents / ((System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            infrastructure.postgres().dropDatabase(database);
        }
    }

    /** The kit's outbox as the services have it, and a table of state beside it. */
    private void createStateAndOutbox(String database) {
        BenchOutbox.create(infrastructure.postgres(), database, "latest");
        try (Connection connection = infrastructure.postgres().connect(database); Statement ddl = connection.createStatement()) {
            ddl.execute("create table state (person_id varchar(32), coverage_year int, paid numeric(12,2) not null, "
                    + "primary key (person_id, coverage_year))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String freshDatabase(String name) {
        infrastructure.postgres().dropDatabase(name);
        infrastructure.postgres().createDatabase(name);
        return name;
    }
}
