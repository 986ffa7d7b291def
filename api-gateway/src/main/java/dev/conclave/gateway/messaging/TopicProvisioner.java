package dev.conclave.gateway.messaging;

import dev.conclave.gateway.config.TopicsConfig;
import dev.conclave.gateway.config.Workable;
import dev.conclave.model.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

/**
 * Creates Conclave's topics with the configured partitions, replication factor and
 * {@code min.insync.replicas} when they are missing, so how far one role can scale out and how many
 * broker losses an acknowledged record survives are settings, not the broker's defaults. Refuses to
 * start with a combination that cannot work. Also the source of the gateway's Kafka readiness: are
 * the topics there.
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
        Workable.require("the topic settings (conclave.topics.*)", problems(topics));
        try {
            ensureTopics(Topics.ALL);
        } catch (Exception e) {
            // Not fatal: readiness reports it, and the next start or a broker with auto-create fixes it.
            LOG.errorf("could not create topics %s: %s", Topics.ALL, e.getMessage());
        }
    }

    /** Every problem of the settings, one sentence each naming what to change; empty when they can work. */
    public static List<String> problems(TopicsConfig topics) {
        List<String> problems = new ArrayList<>();
        if (topics.partitions() < 1) {
            problems.add("conclave.topics.partitions is " + topics.partitions() + "; it must be 1 or more");
        }
        if (topics.replicationFactor() < 1) {
            problems.add("conclave.topics.replication-factor is " + topics.replicationFactor()
                    + "; it must be 1 or more (3 in production)");
        }
        if (topics.minInsyncReplicas() < 1) {
            problems.add("conclave.topics.min-insync-replicas is " + topics.minInsyncReplicas()
                    + "; it must be 1 or more (2 in production)");
        } else if (topics.minInsyncReplicas() > topics.replicationFactor()) {
            problems.add("conclave.topics.min-insync-replicas (" + topics.minInsyncReplicas()
                    + ") is more than conclave.topics.replication-factor (" + topics.replicationFactor()
                    + "): no write could ever be acknowledged; lower min-insync-replicas or raise the replication"
                    + " factor (production: 3 and 2)");
        }
        return problems;
    }

    /** How a missing topic is created: partitions, replication factor and its {@code min.insync.replicas}. */
    public static NewTopic newTopic(String name, TopicsConfig topics) {
        return new NewTopic(name, topics.partitions(), topics.replicationFactor())
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas())));
    }

    /** Creates those of {@code names} that do not exist yet; existing topics are left as they are. */
    public void ensureTopics(Collection<String> names) throws Exception {
        try (AdminClient admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> newTopic(name, topics))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.infof("created topics %s with %d partitions, replication factor %d, min.insync.replicas %d",
                        missing.stream().map(NewTopic::name).toList(), topics.partitions(),
                        topics.replicationFactor(), topics.minInsyncReplicas());
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
