package cn.medicare.campaign.infra.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.yaml.snakeyaml.Yaml;

/**
 * The KafkaUser resources of a Strimzi manifest ({@code deploy/k8s/kafka-users.yaml}), as its User Operator reads them:
 * the users and their ACLs, for a broker that asks logins ({@link KafkaLogins}) and for the checks of the file.
 */
public record KafkaUsers(List<String> names, List<AclBinding> acls) {

    @SuppressWarnings("unchecked")
    public static KafkaUsers read(Path manifest) throws IOException {
        List<String> names = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(manifest))) {
            Map<String, Object> resource = (Map<String, Object>) document;
            if (resource == null || !"KafkaUser".equals(resource.get("kind"))) {
                continue;
            }
            String name = (String) ((Map<String, Object>) resource.get("metadata")).get("name");
            names.add(name);
            Map<String, Object> authorization = (Map<String, Object>) ((Map<String, Object>) resource.get("spec")).get("authorization");
            for (Map<String, Object> acl : (List<Map<String, Object>>) authorization.get("acls")) {
                Map<String, Object> on = (Map<String, Object>) acl.get("resource");
                ResourcePattern pattern = new ResourcePattern(ResourceType.fromString(snake((String) on.get("type"))),
                        (String) on.getOrDefault("name", "kafka-cluster"),
                        "prefix".equals(on.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL);
                for (String operation : (List<String>) acl.get("operations")) {
                    acls.add(new AclBinding(pattern, new AccessControlEntry("User:" + name, (String) acl.getOrDefault("host", "*"),
                            AclOperation.fromString(snake(operation)), AclPermissionType.ALLOW)));
                }
            }
        }
        return new KafkaUsers(List.copyOf(names), List.copyOf(acls));
    }

    /** Strimzi's {@code DescribeConfigs}, {@code transactionalId} as Kafka's {@code DESCRIBE_CONFIGS}, {@code TRANSACTIONAL_ID}. */
    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
