package dev.conclave.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.gateway.messaging.TopicProvisioner;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** A topic the gateway creates carries min.insync.replicas as its own config, not the broker's default. */
@QuarkusTest
class CreatedTopicCarriesMinInsyncReplicasTest {

    @Inject
    TopicProvisioner provisioner;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void minInsyncReplicasIsSetOnTheTopicAtCreation() throws Exception {
        String name = "conclave-test.min-isr-" + System.nanoTime();
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().retainAll(AdminClientConfig.configNames());
        try (AdminClient admin = AdminClient.create(config)) {
            provisioner.ensureTopics(List.of(name));
            try {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
                Config described = admin.describeConfigs(List.of(topic)).all().get(15, TimeUnit.SECONDS).get(topic);
                ConfigEntry minIsr = described.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);

                assertEquals("1", minIsr.value(), "the local default");
                assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, minIsr.source(),
                        "set on the topic by the gateway, not inherited from the broker");
                assertEquals(12, admin.describeTopics(List.of(name)).allTopicNames().get(15, TimeUnit.SECONDS)
                        .get(name).partitions().size());
            } finally {
                admin.deleteTopics(List.of(name)).all().get(15, TimeUnit.SECONDS);
            }
        }
    }
}
