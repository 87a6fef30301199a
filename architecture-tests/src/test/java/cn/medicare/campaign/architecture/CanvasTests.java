package cn.medicare.campaign.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.TopicDeclarations;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Every service's canvas follows the one template, and its Subscribes section, like the declared
 * consumers of the topics, names exactly what its listeners consume.
 */
class CanvasTests {

    private static final List<String> SECTIONS = List.of("Purpose", "Owns", "Commands", "Queries", "Publishes", "Subscribes",
            "Scheduled", "Observability", "Settings", "Decisions", "Not yet");
    private static final Pattern TOPIC = Pattern.compile("`(insurance\\.[a-z]+\\.v[0-9]+)`");
    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.medicare.campaign");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"enrollment-service, enrollment", "subsidy-service, subsidy", "tax-collection-adapter, tax",
            "reporting-service, reporting"})
    void theCanvasHasTheTemplatesSectionsInOrderAndSubscribesToWhatTheListenersConsume(String service, String featureRoot)
            throws IOException {
        String canvas = Files.readString(Path.of("..", service, "CANVAS.md"));

        List<String> sections = canvas.lines().filter(line -> line.startsWith("## ")).map(line -> line.substring(3).strip()).toList();
        assertThat(sections).as(service + "/CANVAS.md sections").containsExactlyElementsOf(SECTIONS);

        assertThat(topicsIn(section(canvas, "Subscribes"))).as(service + "/CANVAS.md, Subscribes")
                .isEqualTo(listenedTopics("cn.medicare.campaign." + featureRoot));
    }

    /** The topics are declared, dead letters included, from one list of who consumes what: it must be the listeners' own. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"subsidy-service, subsidy", "tax-collection-adapter, tax", "reporting-service, reporting"})
    void theDeclaredConsumersOfEachTopicAreTheListenersThatConsumeIt(String service, String featureRoot) {
        assertThat(new TreeSet<>(TopicDeclarations.CONSUMERS.get(service))).as("TopicDeclarations.CONSUMERS of " + service)
                .isEqualTo(listenedTopics("cn.medicare.campaign." + featureRoot));
    }

    private static String section(String canvas, String name) {
        int start = canvas.indexOf("## " + name + "\n");
        int end = canvas.indexOf("\n## ", start + 3);
        return canvas.substring(start, end < 0 ? canvas.length() : end);
    }

    private static Set<String> topicsIn(String text) {
        Set<String> topics = new TreeSet<>();
        Matcher topic = TOPIC.matcher(text);
        while (topic.find()) {
            topics.add(topic.group(1));
        }
        return topics;
    }

    private static Set<String> listenedTopics(String servicePackage) {
        Set<String> topics = new TreeSet<>();
        MAIN_CODE.stream().filter(type -> type.getPackageName().startsWith(servicePackage))
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(KafkaListener.class))
                .map(CanvasTests::topicsOf)
                .forEach(topics::addAll);
        return topics;
    }

    private static List<String> topicsOf(JavaMethod listener) {
        return Arrays.asList((String[]) listener.getAnnotationOfType(KafkaListener.class.getName()).get("topics").orElseThrow());
    }
}
