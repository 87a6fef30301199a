package cn.medicare.campaign.infra.kafka;

import cn.medicare.campaign.contracts.TopicDeclarations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the suite's topics as {@link TopicDeclarations} declares them (partitions, clean-up
 * policy, 400 days for topics and dead letters alike), so that none is left to the broker's
 * auto-creation defaults (7 days). Topics that exist are left as they are.
 */
public final class DeclaredTopics {

    private DeclaredTopics() {
    }

    /** @return the topics created now */
    public static List<String> create(String bootstrapServers, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = TopicDeclarations.all().stream()
                    .filter(declaration -> !existing.contains(declaration.name()))
                    .map(declaration -> new NewTopic(declaration.name(), Optional.of(declaration.partitions()),
                            Optional.of(replicationFactor)).configs(declaration.configs()))
                    .toList();
            admin.createTopics(missing).all().get();
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the declared topics on " + bootstrapServers, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the declared topics", e);
        }
    }
}
