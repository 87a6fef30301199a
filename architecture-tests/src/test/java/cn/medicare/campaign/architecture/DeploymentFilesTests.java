package cn.medicare.campaign.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.TopicDeclarations;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.infra.kafka.KafkaLogins;
import cn.medicare.campaign.infra.kafka.KafkaUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production shape that has not run here (no Docker engine, no cluster) at least parses and
 * agrees with the code: Docker Compose and Kubernetes run the four services on their ports with the
 * keys each one needs, the connector files are one per service and route the outbox by topic, and
 * the Debezium version of Compose and Kubernetes is the one the embedded relay uses. (The local Kafka
 * Connect worker runs the same files in {@code WalkingSkeletonOnKafkaConnectIntegrationTests}.)
 */
class DeploymentFilesTests {

    private static final Path ROOT = Path.of("..");
    private static final Map<String, Integer> PORTS = Map.of("enrollment-service", 8081, "subsidy-service", 8082,
            "tax-collection-adapter", 8083, "reporting-service", 8084);
    /** Where each pod answers its probes and Prometheus, apart from its API (deploy/k8s/services.yaml). */
    private static final int MANAGEMENT_PORT = 9090;
    /**
     * Beans the brokers register that operations reads (kafka-alerts.yml), as the JMX exporter writes them: their names as
     * Kafka 4's in-JVM broker registers them (its MBean server read in session 36).
     */
    private static final List<String> BROKER_BEANS = List.of(
            "kafka.server<type=BrokerTopicMetrics, name=MessagesInPerSec, topic=insurance.payments.v1><>Count",
            "kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value",
            "kafka.server<type=ReplicaManager, name=UnderMinIsrPartitionCount><>Value",
            "kafka.controller<type=KafkaController, name=ActiveControllerCount><>Value",
            "kafka.controller<type=KafkaController, name=OfflinePartitionsCount><>Value");
    /** Likewise of the Connect workers and the Debezium connectors they run. */
    private static final List<String> CONNECT_BEANS = List.of(
            "debezium.postgres<type=connector-metrics, context=streaming, server=enrollment><>MilliSecondsBehindSource",
            "kafka.connect<type=connect-worker-metrics, connector=tax-collection-adapter-outbox><>connector-failed-task-count");
    private static final Map<String, String> DATABASES = Map.of("enrollment-service", "enrollment", "subsidy-service", "subsidy",
            "tax-collection-adapter", "tax", "reporting-service", "reporting");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheFourServicesAndDebeziumOfTheBuildsVersion() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        PORTS.forEach((service, port) -> {
            assertThat(services).as("docker-compose.yml").containsKey(service);
            assertThat(String.valueOf(services.get(service).get("ports"))).as(service + "'s ports").contains(port + ":" + port);
        });
        assertThat((String) services.get("connect").get("image")).endsWith(":" + debeziumVersion());
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesRunsTheFourServicesWithTheKeysEachHoldsAndNoOther() throws IOException {
        List<Map<String, Object>> deployments = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/k8s/services.yaml")))) {
            Map<String, Object> resource = (Map<String, Object>) document;
            if ("Deployment".equals(resource.get("kind"))) {
                deployments.add(resource);
            }
        }
        assertThat(deployments).extracting(deployment -> ((Map<String, Object>) deployment.get("metadata")).get("name"))
                .containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        for (Map<String, Object> deployment : deployments) {
            String name = (String) ((Map<String, Object>) deployment.get("metadata")).get("name");
            Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template");
            Map<String, Object> annotations = (Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("annotations");
            assertThat(annotations).containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT));
            Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers")).get(0);
            assertThat(String.valueOf(container.get("ports"))).contains("containerPort=" + PORTS.get(name))
                    .contains("{name=management, containerPort=" + MANAGEMENT_PORT + "}");
            // probes on the management port: on the API's, a county's lists holding every thread failed them
            for (String probe : List.of("readinessProbe", "startupProbe", "livenessProbe")) {
                assertThat(String.valueOf(container.get(probe))).as(name + "'s " + probe).contains("port=management");
            }
            List<String> env = ((List<Map<String, Object>>) container.get("env")).stream().map(variable -> (String) variable.get("name"))
                    .toList();
            assertThat(((List<Map<String, Object>>) container.get("env")).stream()
                    .filter(variable -> "MANAGEMENT_SERVER_PORT".equals(variable.get("name"))).map(variable -> String.valueOf(variable.get("value"))))
                    .as(name).containsExactly(String.valueOf(MANAGEMENT_PORT));
            assertThat(env).as(name).contains("KAFKA_BOOTSTRAP_SERVERS", "INSURANCE_SECURITY_MODE", "INSURANCE_IDENTITY_PERSONKEY");
            assertThat(env.stream().filter(variable -> variable.startsWith("INSURANCE_IDENTITY_OPENINGKEYS")))
                    .as("only the tax adapter opens ID numbers").hasSize(name.equals("tax-collection-adapter") ? 1 : 0);
            assertThat(env.stream().filter(variable -> variable.startsWith("INSURANCE_IDENTITY_CONTACTOPENINGKEYS")))
                    .as("only the reporting service opens names and phones").hasSize(name.equals("reporting-service") ? 1 : 0);
            assertThat(env.contains("INSURANCE_IDENTITY_SEALINGPUBLICKEY") && env.contains("INSURANCE_IDENTITY_CONTACTSEALINGPUBLICKEY"))
                    .as("the enrollment service seals both").isEqualTo(name.equals("enrollment-service"));
        }
        assertThat(Files.readString(ROOT.resolve("deploy/k8s/kafka-connect.yaml"))).contains("version: " + debeziumVersion());
    }

    @Test
    void oneConnectorPerServiceRoutesItsOutboxByTopic() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(ROOT.resolve("deploy/connect"))) {
            files = listed.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString().replace(".json", ""))
                .containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        for (Path file : files) {
            String service = file.getFileName().toString().replace(".json", "");
            JsonNode connector = JsonMapper.shared().readTree(Files.readString(file));
            JsonNode config = connector.get("config");
            assertThat(connector.get("name").asString()).isEqualTo(service + "-outbox");
            assertThat(config.get("database.dbname").asString()).isEqualTo(DATABASES.get(service));
            assertThat(config.get("table.include.list").asString()).isEqualTo("public.outbox");
            assertThat(config.get("transforms.outbox.route.by.field").asString()).as("the outbox row names its topic").isEqualTo("aggregatetype");
            assertThat(config.get("transforms.outbox.route.topic.replacement").asString()).isEqualTo("${routedByValue}");
            assertThat(config.get("slot.name").asString()).isEqualTo(DATABASES.get(service) + "_outbox");
        }
    }

    /**
     * The connector files run unchanged everywhere: whatever {@code ${env:NAME}} they name, Compose's and
     * Kubernetes' Connect workers resolve with Kafka's EnvVarConfigProvider and set NAME; and the
     * workers commit offsets on a timer (0 stops every task from starting, found by running one here).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theConnectWorkersAnswerEveryPlaceholderOfTheConnectorFiles() throws IOException {
        Set<String> placeholders = new TreeSet<>();
        try (Stream<Path> listed = Files.list(ROOT.resolve("deploy/connect"))) {
            for (Path file : listed.filter(f -> f.toString().endsWith(".json")).toList()) {
                Matcher placeholder = Pattern.compile("\\$\\{env:([A-Z_]+)}").matcher(Files.readString(file));
                while (placeholder.find()) {
                    placeholders.add(placeholder.group(1));
                }
            }
        }
        assertThat(placeholders).containsExactly("DATABASE_HOSTNAME", "DATABASE_PASSWORD", "DATABASE_PORT", "DATABASE_USER");
        String envProvider = "org.apache.kafka.common.config.provider.EnvVarConfigProvider";

        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> connect = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("connect");
        Map<String, Object> environment = (Map<String, Object>) connect.get("environment");
        assertThat(environment).containsEntry("CONNECT_CONFIG_PROVIDERS", "env")
                .containsEntry("CONNECT_CONFIG_PROVIDERS_ENV_CLASS", envProvider).containsKeys(placeholders.toArray(String[]::new));
        assertThat(Integer.parseInt(String.valueOf(environment.get("CONNECT_OFFSET_FLUSH_INTERVAL_MS")))).isPositive();

        Map<String, Object> kafkaConnect = new Yaml().load(Files.readString(ROOT.resolve("deploy/k8s/kafka-connect.yaml")));
        Map<String, Object> spec = (Map<String, Object>) kafkaConnect.get("spec");
        Map<String, Object> config = (Map<String, Object>) spec.get("config");
        assertThat(config).containsEntry("config.providers", "env").containsEntry("config.providers.env.class", envProvider);
        assertThat((Integer) config.get("offset.flush.interval.ms")).isPositive();
        List<Map<String, Object>> env = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) spec.get("template"))
                .get("connectContainer")).get("env");
        assertThat(env).extracting(variable -> (String) variable.get("name")).containsExactlyInAnyOrderElementsOf(placeholders);
        assertThat(Files.readString(ROOT.resolve("deploy/k8s/connectors.sh"))).as("the files go to Strimzi unchanged")
                .doesNotContain("database.hostname");
    }

    /** A failed connector or task is the operator's to restart (with its back-off), one KafkaConnector per connector file. */
    @Test
    @SuppressWarnings("unchecked")
    void kubernetesRestartsAFailedConnectorOrTask() throws Exception {
        Process render = new ProcessBuilder("bash", "deploy/k8s/connectors.sh").directory(ROOT.toFile()).start();
        Map<String, Object> connectors = new Yaml().load(new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue()).as(new String(render.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        long files;
        try (Stream<Path> listed = Files.list(ROOT.resolve("deploy/connect"))) {
            files = listed.filter(file -> file.toString().endsWith(".json")).count();
        }
        assertThat((List<Map<String, Object>>) connectors.get("items")).hasSize((int) files)
                .allSatisfy(connector -> assertThat((Map<String, Object>) ((Map<String, Object>) connector.get("spec")).get("autoRestart"))
                        .containsEntry("enabled", true));
    }

    /**
     * Kafka Connect's REST API takes any connector it is sent, with the workers' database credentials to hand. On
     * Kubernetes the connectors are KafkaConnector resources, and with them Strimzi's Cluster Operator puts a
     * NetworkPolicy on the REST port that admits the operator and the Connect pods alone (its {@code KafkaConnectCluster
     * .generateNetworkPolicy}): the annotation is what closes the port, and no policy of ours opens it again.
     */
    @Test
    @SuppressWarnings("unchecked")
    void kubernetesConnectAnswersItsRestApiToTheOperatorAndItsOwnPodsAlone() throws IOException {
        Map<String, Object> kafkaConnect = new Yaml().load(Files.readString(ROOT.resolve("deploy/k8s/kafka-connect.yaml")));
        Map<String, Object> annotations = (Map<String, Object>) ((Map<String, Object>) kafkaConnect.get("metadata")).get("annotations");
        assertThat(annotations).containsEntry("strimzi.io/use-connector-resources", "true");
        try (Stream<Path> listed = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (Path file : listed.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertThat(Files.readString(file)).as(file + " adds no network policy of its own").doesNotContain("kind: NetworkPolicy");
            }
        }
    }

    /**
     * Kafka asks every client for a login (deploy/k8s/kafka.yaml, no listener without one) and allows it what its
     * KafkaUser says: each service logs in over TLS as the user of its name, its environment binding to the Kafka client
     * properties Spring passes on, reads what it consumes and writes only its dead letters (the replay gives a dead letter to
     * the consumer in the service); Connect, the one writer of the suite's events, logs in as its own.
     * ({@code KafkaAclsIntegrationTests} runs the suite on a broker with these ACLs.)
     */
    @Test
    @SuppressWarnings("unchecked")
    void kubernetesKafkaAsksEveryClientALoginAndEachServiceIsItsOwnUser() throws IOException {
        List<Map<String, Object>> kafka = resources("deploy/k8s/kafka.yaml", "Kafka");
        Map<String, Object> broker = (Map<String, Object>) ((Map<String, Object>) kafka.get(0).get("spec")).get("kafka");
        assertThat((List<Map<String, Object>>) broker.get("listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener).containsEntry("tls", true);
            assertThat((Map<String, Object>) listener.get("authentication")).containsEntry("type", "scram-sha-512");
        });
        assertThat((Map<String, Object>) broker.get("authorization")).containsEntry("type", "simple");

        KafkaUsers users = KafkaUsers.read(ROOT.resolve("deploy/k8s/kafka-users.yaml"));
        assertThat(users.names()).containsExactlyInAnyOrderElementsOf(Stream.concat(PORTS.keySet().stream(), Stream.of("campaign-connect")).toList());
        TopicDeclarations.CONSUMERS.forEach((service, topics) -> {
            Map<ResourcePattern, Set<AclOperation>> granted = new HashMap<>();
            users.acls().stream().filter(acl -> acl.entry().principal().equals("User:" + service))
                    .forEach(acl -> granted.computeIfAbsent(acl.pattern(), pattern -> new TreeSet<>()).add(acl.entry().operation()));
            Map<ResourcePattern, Set<AclOperation>> expected = new HashMap<>();
            topics.forEach(topic -> {
                expected.put(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), Set.of(AclOperation.DESCRIBE, AclOperation.READ));
                expected.put(new ResourcePattern(ResourceType.TOPIC, Topics.deadLetter(topic, service), PatternType.LITERAL),
                        Set.of(AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE));
            });
            assertThat(granted.keySet().stream().filter(pattern -> pattern.resourceType() == ResourceType.TOPIC)).as(service)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((topic, operations) -> assertThat(granted.get(topic)).as(service + " " + topic)
                    .containsExactlyInAnyOrderElementsOf(operations));
            assertThat(granted.get(new ResourcePattern(ResourceType.GROUP, service, PatternType.PREFIXED))).as(service)
                    .containsExactlyInAnyOrder(AclOperation.DESCRIBE, AclOperation.READ);
        });

        for (Map<String, Object> deployment : resources("deploy/k8s/services.yaml", "Deployment")) {
            String name = (String) ((Map<String, Object>) deployment.get("metadata")).get("name");
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                    .get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            Map<String, Object> variables = new HashMap<>();
            for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
                Map<String, Object> from = (Map<String, Object>) variable.get("valueFrom");
                Map<String, Object> secret = from == null ? null : (Map<String, Object>) from.get("secretKeyRef");
                variables.put((String) variable.get("name"), secret == null ? String.valueOf(variable.get("value"))
                        : "secret " + secret.get("name") + " " + secret.get("key"));
            }
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
            Map<String, String> kafkaClient = Binder.get(environment).bind("spring.kafka.properties",
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            assertThat(kafkaClient).as(name).containsExactlyInAnyOrderEntriesOf(Map.of("security.protocol", "SASL_SSL",
                    "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "secret " + name + " sasl.jaas.config",
                    "ssl.truststore.type", "PEM", "ssl.truststore.location", "/etc/kafka-cluster-ca/ca.crt"));
            // what KafkaAclsIntegrationTests runs the suite with, over TLS to a local broker: the same properties, local values
            Map<String, String> local = KafkaLogins.clientProperties(name, Path.of("/etc/kafka-cluster-ca/ca.crt"));
            assertThat(local.keySet()).as(name).containsExactlyInAnyOrderElementsOf(kafkaClient.keySet());
            assertThat(local).as(name).containsAllEntriesOf(Map.of("security.protocol", kafkaClient.get("security.protocol"),
                    "sasl.mechanism", kafkaClient.get("sasl.mechanism"), "ssl.truststore.type", kafkaClient.get("ssl.truststore.type")));
            assertThat(String.valueOf(variables.get("KAFKA_BOOTSTRAP_SERVERS"))).as(name).endsWith(":9093");
            assertThat(String.valueOf(container.get("volumeMounts"))).as(name).contains("mountPath=/etc/kafka-cluster-ca");
            assertThat(String.valueOf(pod.get("volumes"))).as(name).contains("secretName=campaign-cluster-ca-cert");
        }

        Map<String, Object> connect = (Map<String, Object>) resources("deploy/k8s/kafka-connect.yaml", "KafkaConnect").get(0).get("spec");
        assertThat((Map<String, Object>) connect.get("authentication")).containsEntry("type", "scram-sha-512")
                .containsEntry("username", "campaign-connect");
        assertThat(String.valueOf(connect.get("bootstrapServers"))).endsWith(":9093");
        assertThat(connect).containsKey("tls");
    }

    /**
     * The brokers and the Connect workers have their memory and a heap inside it, and Prometheus reads them: each names a
     * rule set of the exporter's ConfigMap whose patterns (Java regular expressions, as the exporter is) match the beans
     * operations reads, and a PodMonitor selects their pods.
     */
    @Test
    @SuppressWarnings("unchecked")
    void kubernetesKafkaAndConnectHaveTheirResourcesAndAreReadByPrometheus() throws IOException {
        Map<String, Object> exporterRules = exporterRules();
        Map<String, Object> broker = (Map<String, Object>) ((Map<String, Object>) resources("deploy/k8s/kafka.yaml", "Kafka").get(0)
                .get("spec")).get("kafka");
        Map<String, Object> connect = (Map<String, Object>) resources("deploy/k8s/kafka-connect.yaml", "KafkaConnect").get(0).get("spec");
        Map<Map<String, Object>, List<String>> beans = Map.of(broker, BROKER_BEANS, connect, CONNECT_BEANS);
        beans.forEach((exported, read) -> {
            Map<String, Object> reference = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) exported.get("metricsConfig"))
                    .get("valueFrom")).get("configMapKeyRef");
            assertThat(reference).containsEntry("name", "campaign-kafka-metrics");
            Map<String, Object> rules = new Yaml().load((String) exporterRules.get((String) reference.get("key")));
            List<Pattern> patterns = ((List<Map<String, Object>>) rules.get("rules")).stream()
                    .map(rule -> exporterPattern((String) rule.get("pattern"))).toList();
            read.forEach(bean -> assertThat(patterns).as(bean).anySatisfy(pattern -> assertThat(pattern.matcher(bean + ": 0").matches()).isTrue()));
        });
        for (Map<String, Object> sized : List.of((Map<String, Object>) resources("deploy/k8s/kafka.yaml", "KafkaNodePool").get(0).get("spec"),
                connect)) {
            assertThat((Map<String, Object>) ((Map<String, Object>) sized.get("resources")).get("limits")).containsKey("memory");
            assertThat((Map<String, Object>) sized.get("jvmOptions")).containsKey("-Xmx");
        }
        Map<String, Object> podMonitor = (Map<String, Object>) resources("deploy/k8s/kafka.yaml", "PodMonitor").get(0).get("spec");
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) podMonitor.get("selector")).get("matchExpressions"))
                .singleElement().satisfies(selector -> assertThat(selector).containsEntry("key", "strimzi.io/kind")
                        .containsEntry("values", List.of("Kafka", "KafkaConnect")));
        assertThat((List<Map<String, Object>>) podMonitor.get("podMetricsEndpoints")).extracting(endpoint -> endpoint.get("port"))
                .containsExactly("tcp-prometheus");
    }

    /**
     * Every metric Kafka's alert rules name (deploy/prometheus/kafka-alerts.yml) is one the exporter's rules make of a bean the
     * brokers or the Connect workers register: a misspelt name would leave its rule silent for good. (The services' rules are
     * held to the metrics a running suite exposes by WalkingSkeletonIntegrationTests; nothing here runs the exporter.)
     */
    @Test
    @SuppressWarnings("unchecked")
    void kafkasAlertRulesNameMetricsTheExporterMakes() throws IOException {
        Map<String, Object> exporterRules = exporterRules();
        Set<String> exported = new TreeSet<>();
        Map.of("kafka-metrics-config.yml", BROKER_BEANS, "connect-metrics-config.yml", CONNECT_BEANS).forEach((key, beans) -> {
            Map<String, Object> config = new Yaml().load((String) exporterRules.get(key));
            beans.forEach(bean -> exported.add(exportedName(config, bean)));
        });
        Set<String> named = new TreeSet<>();
        Map<String, Object> alerts = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/kafka-alerts.yml")));
        for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Pattern.compile("\\b(?:kafka|debezium)_\\w+").matcher((String) rule.get("expr")).results()
                        .forEach(found -> named.add(found.group()));
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(exported).containsAll(named);
    }

    /**
     * The name the JMX exporter gives a bean's attribute: its first rule whose pattern matches, the rule's name with the
     * groups put in, lowercased where the config says, every run of characters a Prometheus name cannot hold made one
     * underscore.
     */
    @SuppressWarnings("unchecked")
    private static String exportedName(Map<String, Object> config, String bean) {
        for (Map<String, Object> rule : (List<Map<String, Object>>) config.get("rules")) {
            Matcher matched = exporterPattern((String) rule.get("pattern")).matcher(bean + ": 0");
            if (matched.matches()) {
                String name = matched.replaceFirst((String) rule.get("name"));
                name = Boolean.TRUE.equals(config.get("lowercaseOutputName")) ? name.toLowerCase(Locale.ROOT) : name;
                return name.replaceAll("[^a-zA-Z0-9_:]+", "_").replaceAll("_+", "_");
            }
        }
        throw new AssertionError("no exporter rule matches " + bean);
    }

    /** The JMX exporter's rule sets by the key the brokers and the Connect workers name ({@code campaign-kafka-metrics}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> exporterRules() throws IOException {
        return (Map<String, Object>) resources("deploy/k8s/kafka.yaml", "ConfigMap").stream()
                .filter(map -> "campaign-kafka-metrics".equals(((Map<String, Object>) map.get("metadata")).get("name"))).findFirst()
                .orElseThrow().get("data");
    }

    /** A rule's pattern as the exporter applies it: anywhere in {@code <bean><>attribute: value}. */
    private static Pattern exporterPattern(String pattern) {
        return Pattern.compile("^.*(?:" + pattern + ").*$");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources(String file, String kind) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve(file)))) {
            if (document instanceof Map<?, ?> resource && kind.equals(resource.get("kind"))) {
                found.add((Map<String, Object>) resource);
            }
        }
        return found;
    }

    /** On Kubernetes the operator loads what Compose loads: the same rules and dashboard, rendered by {@code k8s/observability.sh}. */
    @Test
    @SuppressWarnings("unchecked")
    void kubernetesGetsTheAlertRulesAndTheDashboardComposeLoads() throws Exception {
        Process render = new ProcessBuilder("bash", "deploy/k8s/observability.sh", "monitoring").directory(ROOT.toFile()).start();
        String rendered = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue()).as(new String(render.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(rendered).forEach(document -> documents.add((Map<String, Object>) document));
        assertThat(documents).extracting(document -> document.get("kind")).containsExactly("PrometheusRule", "PrometheusRule", "ConfigMap");
        List<String> ruleFiles = List.of("deploy/prometheus/alerts.yml", "deploy/prometheus/kafka-alerts.yml");
        for (int i = 0; i < ruleFiles.size(); i++) {
            Map<String, Object> rule = documents.get(i);
            assertThat((Map<String, Object>) ((Map<String, Object>) rule.get("metadata")).get("labels")).containsEntry("release", "monitoring");
            assertThat(rule.get("spec")).isEqualTo(new Yaml().load(Files.readString(ROOT.resolve(ruleFiles.get(i)))));
        }
        Map<String, Object> dashboard = documents.get(2);
        assertThat((Map<String, Object>) ((Map<String, Object>) dashboard.get("metadata")).get("labels")).containsEntry("grafana_dashboard", "1");
        assertThat((Map<String, Object>) dashboard.get("data")).containsEntry("insurance-campaign.json",
                Files.readString(ROOT.resolve("deploy/grafana/dashboards/insurance-campaign.json")));
    }

    private static String debeziumVersion() throws IOException {
        Matcher version = Pattern.compile("<debezium.version>([^<]+)</debezium.version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}
