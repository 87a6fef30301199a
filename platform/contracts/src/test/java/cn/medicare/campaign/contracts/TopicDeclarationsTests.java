package cn.medicare.campaign.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TopicDeclarationsTests {

    @Test
    void everyConsumedTopicHasADeadLetterTopicKeptAsLongAsItsSource() {
        TopicDeclarations.CONSUMERS.forEach((group, topics) -> topics.forEach(topic ->
                assertThat(TopicDeclarations.all()).anySatisfy(declaration -> {
                    assertThat(declaration.name()).isEqualTo(Topics.deadLetter(topic, group));
                    assertThat(declaration.retention()).isEqualTo(TopicDeclarations.RETENTION);
                    assertThat(declaration.configs()).containsEntry("retention.ms", "34560000000");
                })));
    }

    @Test
    void everyTopicOfTheContractsIsDeclaredAndPersonTopicsHaveTwelvePartitions() {
        assertThat(TopicDeclarations.all()).extracting(TopicDeclarations.Declaration::name).containsAll(Topics.ALL);
        assertThat(TopicDeclarations.all()).filteredOn(d -> d.name().equals(Topics.ROSTER) || d.name().equals(Topics.PAYMENTS)
                || d.name().equals(Topics.ELIGIBILITY)).allSatisfy(d -> assertThat(d.partitions()).isEqualTo(12));
        assertThat(TopicDeclarations.all()).filteredOn(d -> d.name().equals(Topics.CAMPAIGN))
                .singleElement().satisfies(d -> assertThat(d.cleanupPolicy()).isEqualTo("compact"));
    }

    @Test
    void composeDeclaresTheSameTopicsAndNoOther() throws IOException {
        String script = Files.readString(Path.of("../../deploy/compose/create-topics.sh"));
        Matcher days400 = Pattern.compile("\ndays400=(\\d+)\n").matcher(script);
        assertThat(days400.find()).as("days400= in create-topics.sh").isTrue();
        assertThat(Long.parseLong(days400.group(1))).isEqualTo(TopicDeclarations.RETENTION.toMillis());
        List<String> declared = script.substring(script.indexOf("<<TOPICS\n") + 9, script.indexOf("\nTOPICS\n")).lines()
                .map(line -> line.replace("$days400", days400.group(1))).toList();

        assertThat(declared).containsExactlyInAnyOrderElementsOf(TopicDeclarations.all().stream()
                .map(declaration -> declaration.name() + " " + declaration.partitions() + " cleanup.policy=" + declaration.cleanupPolicy()
                        + (declaration.retention() == null ? "" : ",retention.ms=" + declaration.retention().toMillis()))
                .toList());
    }

    @Test
    void theKubernetesManifestDeclaresTheSameTopics() throws IOException {
        String manifest = Files.readString(Path.of("../../deploy/k8s/kafka.yaml"));
        for (TopicDeclarations.Declaration declaration : TopicDeclarations.all()) {
            Matcher topic = Pattern.compile("kind: KafkaTopic\\s+metadata:\\s+name: " + Pattern.quote(declaration.name())
                    + "\\s+labels: .*\\s+spec:\\s+partitions: (\\d+)\\s+replicas: \\d+\\s+config: \\{([^}]*)}").matcher(manifest);
            assertThat(topic.find()).as("KafkaTopic " + declaration.name() + " in deploy/k8s/kafka.yaml").isTrue();
            assertThat(Integer.parseInt(topic.group(1))).as("partitions of " + declaration.name()).isEqualTo(declaration.partitions());
            declaration.configs().forEach((key, value) -> assertThat(topic.group(2)).as("config of " + declaration.name())
                    .contains(key + ": " + value));
        }
    }
}
