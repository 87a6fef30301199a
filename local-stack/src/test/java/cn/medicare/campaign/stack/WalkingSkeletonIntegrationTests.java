package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.relay.Relay;
import cn.medicare.campaign.infra.testing.IdNumberCandidates;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.stack.demo.Resident;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end: the four services, their outbox connectors on Debezium's
 * embedded engine, Kafka and PostgreSQL, driven only through the public APIs, on databases of its
 * own. {@link WalkingSkeletonOnKafkaConnectIntegrationTests} runs the same on a Kafka Connect worker.
 */
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIntegrationTests {

    /** The 2018 campaign's collection period opened on 1 September 2017: its NEWBORNs are born after, as anyone may read. */
    private static final LocalDate NEWBORNS_BORN_FROM = LocalDate.of(2017, 9, 1);

    private Suite suite;
    private final List<Resident> everyone = new ArrayList<>();
    /** Where the suite's topics ended when this class began: its checks read what its own run published. */
    private Map<TopicPartition, Long> before;

    Relay.Kind relay() {
        return Relay.Kind.EMBEDDED;
    }

    /** The relays' offsets, deleted after the class once the suite is closed: static, so that the start of all can use it. */
    @TempDir
    static Path relays;

    @BeforeAll
    void startSuite() throws IOException {
        Suite.dropDatabases(TestInfrastructure.get());
        before = ends();
        suite = Suite.start(TestInfrastructure.get(), false, relay(), relays, System.out);
    }

    @AfterAll
    void stopSuite() {
        suite.close();
    }

    @Test
    @Order(1)
    void residentsAreEnrolledAssessedPaidAndCounted() {
        Scenario scenario = new Scenario(suite, 2018, 1);
        everyone.addAll(scenario.residents);
        scenario.runInOrder();

        assertThat(scenario.accepted).as("payments accepted: 20 in full, 1 underpayment").isEqualTo(21);
        assertThat(scenario.duplicates).as("repeated vouchers").isEqualTo(2);
        scenario.assertParticipation();
    }

    @Test
    @Order(2)
    void paymentsBeforeTheListAndBeforeSomeEnrolmentsGiveTheSameFigures() {
        Scenario scenario = new Scenario(suite, 2019, 2);
        everyone.addAll(scenario.residents);
        scenario.defineCampaign();
        List<Resident> firstHalf = scenario.residents.stream().filter(r -> scenario.residents.indexOf(r) % 2 == 0).toList();
        List<Resident> secondHalf = scenario.residents.stream().filter(r -> !firstHalf.contains(r)).toList();
        scenario.enrol(firstHalf);
        scenario.pay();
        scenario.certify();
        scenario.enrol(secondHalf);

        scenario.assertParticipation();
    }

    @Test
    @Order(3)
    void aRefundThatTakesThePaymentBelowThePayableUncountsTheResident() {
        Scenario scenario = new Scenario(suite, 2020, 3);
        everyone.addAll(scenario.residents);
        scenario.runInOrder();
        scenario.assertParticipation();

        scenario.refundPartOfAPayment();

        scenario.assertRefundUncounts();
    }

    @Test
    @Order(4)
    void noPlainIdNumberTravelsOnAnyTopic() {
        Set<String> plain = everyone.stream().map(Resident::idNumber).collect(Collectors.toSet());
        assertThat(plain).hasSize(90);
        List<ConsumerRecord<byte[], byte[]>> records = everything();
        // per scenario at least 2 campaign events, 30 enrolments, 7 adjustments, 30 assessments and 21 payments;
        // up to 7 more assessments, depending on whether the list or the enrolment reached the subsidy service
        // first; the third scenario adds a refund, and refunds due for the two repeated vouchers are not
        // expected (they were duplicates, not payments)
        assertThat(records).as("records on the suite's topics").hasSizeGreaterThanOrEqualTo(3 * 90);
        assertThat(records.stream().map(ConsumerRecord::topic).distinct())
                .contains("insurance.campaign.v1", "insurance.roster.v1", "insurance.eligibility.v1", "insurance.payments.v1");
        for (ConsumerRecord<byte[], byte[]> record : records) {
            StringBuilder text = new StringBuilder();
            text.append(asText(record.key())).append(asText(record.value()));
            for (Header header : record.headers()) {
                text.append(header.key()).append(asText(header.value()));
            }
            plain.forEach(number -> assertThat(text.toString())
                    .as("record %s-%d@%d", record.topic(), record.partition(), record.offset()).doesNotContain(number));
            assertThat(IdNumberLeaks.containsIdNumber(text.toString()))
                    .as("record %s-%d@%d holds some valid ID number", record.topic(), record.partition(), record.offset()).isFalse();
        }
    }

    @Test
    @Order(6)
    void deadLetterTopicsAreDeclaredWithTheRetentionOfTheirSource() throws Exception {
        String deadLetters = Topics.deadLetter(Topics.ROSTER, "reporting-service");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, deadLetters);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(400).toMillis()));
            assertThat(admin.describeTopics(List.of(Topics.ROSTER)).allTopicNames().get().get(Topics.ROSTER).partitions()).hasSize(12);
        }
    }

    /** Every metric deploy/prometheus/alerts.yml and the Grafana dashboard name, exposed by a running suite's services. */
    @Test
    @Order(7)
    void everyMetricTheAlertRulesAndTheDashboardNameIsExposed() throws IOException {
        Pattern metric = Pattern.compile("\\b((?:insurance|kafka|jvm|http|process|hikaricp|system|tomcat)_[a-z0-9_]+)");
        Set<String> named = new TreeSet<>();
        metric.matcher(Files.readString(Path.of("..", "deploy", "prometheus", "alerts.yml"))).results()
                .forEach(found -> named.add(found.group(1)));
        JsonMapper.shared().readTree(Files.readString(Path.of("..", "deploy", "grafana", "dashboards", "insurance-campaign.json")))
                .findValues("expr").forEach(expr -> metric.matcher(expr.asString()).results().forEach(found -> named.add(found.group(1))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> exposed = new TreeSet<>();
            for (SuiteService service : SuiteService.values()) {
                ApiClient.at(suite.url(service)).get("/actuator/prometheus").body().lines().filter(line -> !line.startsWith("#"))
                        .map(line -> line.split("[{ ]")[0]).forEach(exposed::add);
            }
            assertThat(exposed).containsAll(named);
        });
        System.out.printf("[operations] %d metrics named by the alert rules and the Grafana dashboard, all exposed: %s%n",
                named.size(), named);
    }

    /** Beside its OpenAPI, each service serves its events as AsyncAPI 3, open to anyone: what it sends, what it receives. */
    @Test
    @Order(8)
    void eachServiceServesItsEventsAsAsyncApi() {
        for (SuiteService service : SuiteService.values()) {
            HttpResponse<String> answer = ApiClient.at(suite.url(service)).get("/v3/asyncapi");
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode document = JsonMapper.shared().readTree(answer.body());
            assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
            assertThat(document.get("info").get("title").asString()).startsWith(service.serviceName());
            assertThat(document.get("operations").propertyNames()).as(service.serviceName()).anyMatch(name -> name.startsWith("receive-"));
        }
    }

    /**
     * EVENTS.md's 10,000-candidate rule, for every record this run put on any topic (dead letters included)
     * and every list a client without the tax bureau's rights reads, with the case that broke it
     * first: a newborn covered from birth, whose records bound the birth date from below as well
     * (after 1 January, after the period opened) and so show the county alone. Enrolled three weeks
     * after 1 January: days sooner leave fewer than 10,000 numbers whatever the masks, the limit
     * docs/personal-data.md states. Its e-voucher activated in its first week and its death on its third day, each
     * beside the enrolment, told the birth to days (session 49): they travel as the birth's flag.
     */
    @Test
    @Order(5)
    void noRecordOrListNarrowsAnIdNumberBelowTenThousandCandidates() {
        String newborn = Liancheng.idNumber("20180103", 17);
        String township = Scenario.TOWNSHIPS.get(0);
        ApiClient clerk = ApiClient.at(suite.url(SuiteService.ENROLLMENT)).as("township-" + township);
        HttpResponse<String> enrolled = clerk.post("/api/v1/enrolments", """
                {"idNumber":"%s","name":"罗小宝","region":"350825","coverageYear":2018,"township":"%s",
                 "village":"城关村 %s","hukouLocal":true,"residencePermit":false,"personCategory":"NEWBORN",
                 "enrolledOn":"2018-01-25"}""".formatted(newborn, township, newborn));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String personId = personIds().personId(newborn);
        JsonNode view = json(clerk.get("/api/v1/enrolments/" + personId + "?coverageYear=2018"));
        assertThat(view.get("coverageFromBirth").asBoolean()).isTrue();
        assertThat(view.get("village").asString()).isEqualTo("城关村 " + "*".repeat(18));

        // a correction, a withdrawal of a resident who paid and a report: more event types to read
        assertThat(clerk.patch("/api/v1/enrolments/" + personId + "?coverageYear=2018", "{\"village\":\"新村\"}").statusCode())
                .isEqualTo(200);
        String leaving = personIds().personId(everyone.get(3).idNumber());
        HttpResponse<String> withdrawn = ApiClient.at(suite.url(SuiteService.ENROLLMENT)).as("bureau").post(
                "/api/v1/enrolments/" + leaving + "/withdrawal",
                "{\"coverageYear\":2018,\"reason\":\"MOVED_AWAY\",\"effectiveDate\":\"2017-12-01\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        HttpResponse<String> report = ApiClient.at(suite.url(SuiteService.REPORTING)).as("bureau").post("/api/v1/reports",
                "{\"type\":\"ON_DEMAND\",\"region\":\"350825\",\"coverageYear\":2018}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);

        // the tax bureau's daily file with payments only the file has (signed over the date as well: docs/security.md),
        // one of them a second payment of a resident who had paid: money owed back (a withdrawal alone owes nothing)
        String file = "voucherNo,idNumber,coverageYear,amount,channel,paidAt\r\n"
                + "VRECON0001," + everyone.get(18).idNumber() + ",2018,180.00,BANK,2017-10-20T03:00:00Z\r\n"
                + "VRECON0002," + everyone.get(17).idNumber() + ",2018,180.00,BANK,2017-10-20T04:00:00Z\r\n";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpResponse<String> reconciled = ApiClient.at(suite.url(SuiteService.TAX)).as("tax-bureau")
                .withHeader("X-Timestamp", timestamp)
                .withHeader("X-Signature", "sha256=" + ApiClient.signature(ApiClient.LOCAL_TAX_WEBHOOK_SECRET, timestamp,
                        "POST /api/v1/reconciliations/2017-10-20." + file))
                .post("/api/v1/reconciliations/2017-10-20", "text/csv", file);
        assertThat(reconciled.statusCode()).as(reconciled.body()).isEqualTo(200);

        ApiClient bureau = ApiClient.at(suite.url(SuiteService.ENROLLMENT)).as("bureau");
        HttpResponse<String> activated = bureau.post("/api/v1/e-voucher-activations", "text/csv",
                "idNumber,activatedOn\n" + newborn + ",2018-01-04\n");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        HttpResponse<String> died = bureau.post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + newborn + ",2018-01-05\n");
        assertThat(died.statusCode()).as(died.body()).isEqualTo(200);
        JsonNode withdrawnView = json(clerk.get("/api/v1/enrolments/" + personId + "?coverageYear=2018"));
        assertThat(withdrawnView.get("withdrawnFromBirth").asBoolean()).as(withdrawnView.toString()).isTrue();

        ApiClient civilAffairs = ApiClient.at(suite.url(SuiteService.SUBSIDY)).as("civil-affairs");
        HttpResponse<String> batch = civilAffairs.post("/api/v1/adjustment-batches?month=2018-01", """
                {"rows":[{"township":"%s","village":"城关村","idNumber":"%s","phone":"13900000000","action":"ADD",
                 "category":"MINIMUM_LIVING","effectiveDate":"2018-01-10"}]}""".formatted(township, newborn));
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
        JsonNode batchDetails = json(civilAffairs.get("/api/v1/adjustment-batches/"
                + JsonMapper.shared().readTree(batch.body()).get("batchId").asString()));

        Map<String, LocalDate> birthDates = new HashMap<>();
        everyone.forEach(r -> birthDates.put(personIds().personId(r.idNumber()), birth(r.idNumber())));
        birthDates.put(personId, LocalDate.of(2018, 1, 3));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            records.clear();
            records.addAll(everything());
            assertThat(records).anyMatch(r -> personId.equals(asText(r.key())));
            assertThat(records).extracting(r -> asText(r.headers().lastHeader("type").value()))
                    .contains("PersonUpdated", "PersonWithdrawn", "RefundDue", "ReportPublished", "ReconciliationCompleted",
                            "EVoucherActivated");
            assertThat(records).filteredOn(r -> personId.equals(asText(r.key())))
                    .extracting(r -> asText(r.headers().lastHeader("type").value())).contains("PersonWithdrawn", "EVoucherActivated");
        });
        Set<String> typesSeen = new TreeSet<>();
        long least = Long.MAX_VALUE;
        // the records of one person share its person id: what they tell together counts (docs/personal-data.md)
        Map<String, IdNumberCandidates.Knowledge> perPerson = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String what = record.topic() + "-" + record.partition() + "@" + record.offset();
            JsonNode value = JsonMapper.shared().readTree(asText(record.value()));
            Header type = record.headers().lastHeader("type");
            typesSeen.add(type == null ? "?" : asText(type.value()));
            Header time = record.headers().lastHeader("time");
            Instant published = time == null ? null : Instant.parse(asText(time.value()));
            least = Math.min(least, assertEnoughCandidates(what, value, published));
            LocalDate birth = birthDates.get(asText(record.key()));
            if (birth != null) {
                assertThat(IdNumberCandidates.showsBirthDate(value, birth)).as("%s shows the birth date", what).isFalse();
                perPerson.merge(asText(record.key()), IdNumberCandidates.knowledge(value, published, LocalDate.now(), NEWBORNS_BORN_FROM),
                        IdNumberCandidates.Knowledge::and);
            }
        }
        for (Map.Entry<String, IdNumberCandidates.Knowledge> person : perPerson.entrySet()) {
            if (person.getValue().aboutAnIdNumber()) {
                long candidates = IdNumberCandidates.count(person.getValue(), 1_000_000);
                assertThat(candidates).as("ID numbers consistent with every record of person %s", person.getKey())
                        .isGreaterThanOrEqualTo(IdNumberCandidates.REQUIRED);
                least = Math.min(least, candidates);
            }
        }
        assertThat(typesSeen).contains("CampaignDefined", "TargetsSet", "PersonEnrolled", "PersonUpdated", "PersonWithdrawn",
                "EligibilityAdjusted", "ContributionAssessed", "PaymentConfirmed", "PaymentRefunded", "RefundDue", "ReportPublished",
                "ReconciliationCompleted", "EVoucherActivated");

        ApiClient reporting = ApiClient.at(suite.url(SuiteService.REPORTING)).as("bureau");
        JsonNode status = await().atMost(Duration.ofSeconds(60))
                .until(() -> json(reporting.get("/api/v1/people/" + personId + "?coverageYear=2018")), read -> read.has("withdrawnFromBirth"));
        List<JsonNode> lists = List.of(view, withdrawnView, status, batchDetails,
                json(clerk.get("/api/v1/enrolments/" + personIds().personId(everyone.get(0).idNumber()) + "?coverageYear=2018")),
                json(ApiClient.at(suite.url(SuiteService.REPORTING)).as("township-" + township)
                        .get("/api/v1/unpaid?region=350825&coverageYear=2018&township=" + township)),
                json(ApiClient.at(suite.url(SuiteService.REPORTING)).as("township-" + township)
                        .get("/api/v1/lists/unpaid?region=350825&coverageYear=2018&unit=" + township)),
                json(ApiClient.at(suite.url(SuiteService.REPORTING)).as("bureau").get("/api/v1/lists/paid?region=350825&coverageYear=2018")),
                json(ApiClient.at(suite.url(SuiteService.TAX)).as("bureau").get("/api/v1/levy-items?region=350825&coverageYear=2018")),
                json(ApiClient.at(suite.url(SuiteService.TAX)).as("bureau").get("/api/v1/refunds-due?region=350825&coverageYear=2018")));
        for (JsonNode list : lists) {
            for (JsonNode row : rows(list)) {
                least = Math.min(least, assertEnoughCandidates("a row of a list", row, null));
            }
        }
        System.out.printf("[personal data] %d records of %d event types, each person's records together (%d people), and %d lists"
                + " checked; fewest candidates seen: %s%n", records.size(), typesSeen.size(), perPerson.size(), lists.size(),
                least == Long.MAX_VALUE ? "none narrowed" : least);
    }

    private static long assertEnoughCandidates(String what, JsonNode value, Instant published) {
        IdNumberCandidates.Knowledge knowledge = IdNumberCandidates.knowledge(value, published, LocalDate.now(), NEWBORNS_BORN_FROM);
        if (!knowledge.aboutAnIdNumber()) {
            return Long.MAX_VALUE;
        }
        // counted on past the requirement (to a million) so that the note can say how far above it the records are
        long candidates = IdNumberCandidates.count(knowledge, 1_000_000);
        assertThat(candidates).as("ID numbers consistent with %s: %s", what, value).isGreaterThanOrEqualTo(IdNumberCandidates.REQUIRED);
        return candidates;
    }

    /** The rows of a list answer (any array of objects in it), or the answer itself when it is one record. */
    private static List<JsonNode> rows(JsonNode answer) {
        List<JsonNode> rows = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(rows::add);
            return rows;
        }
        for (JsonNode field : answer) {
            if (field.isArray()) {
                field.forEach(rows::add);
            }
        }
        return rows.isEmpty() ? List.of(answer) : rows;
    }

    private static LocalDate birth(String idNumber) {
        return LocalDate.parse(idNumber.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static PersonIds personIds() {
        try (InputStream in = WalkingSkeletonIntegrationTests.class.getResourceAsStream("/service-kit-defaults.properties")) {
            Properties defaults = new Properties();
            defaults.load(in);
            return PersonIds.fromBase64(defaults.getProperty("insurance.identity.person-key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + " answered " + response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    /** Every record published on the suite's topics since this class began. */
    private List<ConsumerRecord<byte[], byte[]>> everything() {
        try (KafkaConsumer<byte[], byte[]> consumer = byteConsumer()) {
            Map<TopicPartition, Long> ends = ends();
            consumer.assign(ends.keySet());
            ends.keySet().forEach(partition -> consumer.seek(partition, before.getOrDefault(partition, 0L)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (ends.keySet().stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static Map<TopicPartition, Long> ends() {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaConsumer<byte[], byte[]> consumer = byteConsumer()) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith("insurance.")).collect(Collectors.toSet());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            return consumer.endOffsets(partitions);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the suite's topics", e);
        }
    }

    private static KafkaConsumer<byte[], byte[]> byteConsumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "plain-id-scan-" + UUID.randomUUID()), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String asText(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
