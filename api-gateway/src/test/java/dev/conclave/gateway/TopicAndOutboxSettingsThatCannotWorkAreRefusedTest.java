package dev.conclave.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.config.OutboxConfig;
import dev.conclave.gateway.config.TopicsConfig;
import dev.conclave.gateway.messaging.TopicProvisioner;
import dev.conclave.gateway.service.Outbox;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** Settings that cannot work are refused at start-up with a line naming what to change. */
class TopicAndOutboxSettingsThatCannotWorkAreRefusedTest {

    private static SmallRyeConfig config(String... properties) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            values.put(properties[i], properties[i + 1]);
        }
        // Over the gateway's own application.properties, where the partition count is set.
        return new SmallRyeConfigBuilder().withMapping(TopicsConfig.class).withMapping(OutboxConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .withSources(applicationProperties()).build();
    }

    private static PropertiesConfigSource applicationProperties() {
        try {
            return new PropertiesConfigSource(
                    TopicAndOutboxSettingsThatCannotWorkAreRefusedTest.class.getResource("/application.properties"), 250);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TopicsConfig topics(String... properties) {
        return config(properties).getConfigMapping(TopicsConfig.class);
    }

    @Test
    void productionTopicsGetThreeReplicasAndMinInsyncTwo() {
        TopicsConfig production = topics("conclave.topics.replication-factor", "3",
                "conclave.topics.min-insync-replicas", "2");

        assertEquals(List.of(), TopicProvisioner.problems(production));
        NewTopic topic = TopicProvisioner.newTopic("scan.requests", production);
        assertEquals(3, topic.replicationFactor());
        assertEquals(12, topic.numPartitions());
        assertEquals(Map.of("min.insync.replicas", "2"), topic.configs());
    }

    @Test
    void defaultsFitTheSingleNodeStack() {
        assertEquals(List.of(), TopicProvisioner.problems(topics()));
        assertEquals(Map.of("min.insync.replicas", "1"), TopicProvisioner.newTopic("scan.requests", topics()).configs());
    }

    @Test
    void minInsyncAboveTheReplicationFactorIsRefused() {
        List<String> problems = TopicProvisioner.problems(topics("conclave.topics.replication-factor", "2",
                "conclave.topics.min-insync-replicas", "3"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(
                "conclave.topics.min-insync-replicas (3) is more than conclave.topics.replication-factor (2)"),
                problems.get(0));
    }

    @Test
    void relayThatGivesUpBeforeTheProducerIsRefused() {
        List<String> problems = Outbox.problems(config("conclave.outbox.ack-timeout", "5s",
                "conclave.outbox.delivery-timeout", "10s").getConfigMapping(OutboxConfig.class));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("conclave.outbox.ack-timeout"), problems.get(0));
        assertEquals(List.of(), Outbox.problems(config().getConfigMapping(OutboxConfig.class)));
    }
}
