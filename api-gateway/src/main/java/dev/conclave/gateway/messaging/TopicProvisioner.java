package dev.conclave.gateway.messaging;

import dev.conclave.gateway.config.TopicsConfig;
import dev.conclave.model.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

/**
 * Creates Conclave's topics with the configured partitions when they are missing, so the number
 * of partitions (how far one role can scale out) is a setting, not the broker's default.
 * Also the source of the gateway's Kafka readiness: are the topics there.
 */
@ApplicationScoped
public class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final TopicsConfig topics;
    private final Map<String, Object> kafkaConfig;

    public TopicProvisioner(TopicsConfig topics, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.topics = topics;
        this.kafkaConfig = kafkaConfig;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureTopics();
        } catch (Exception e) {
            // Not fatal: readiness reports it, and the next start or a broker with auto-create fixes it.
            LOG.errorf("could not create topics %s: %s", Topics.ALL, e.getMessage());
        }
    }

    public void ensureTopics() throws Exception {
        try (AdminClient admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, topics.partitions(), topics.replicationFactor()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.infof("created topics %s with %d partitions", missing.stream().map(NewTopic::name).toList(),
                        topics.partitions());
            }
        }
    }

    /** The topics that do not exist on the broker; throws when the broker cannot be reached. */
    public List<String> missingTopics() throws Exception {
        try (AdminClient admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            return Topics.ALL.stream().filter(name -> !existing.contains(name)).toList();
        }
    }

    private AdminClient admin() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return AdminClient.create(config);
    }
}
