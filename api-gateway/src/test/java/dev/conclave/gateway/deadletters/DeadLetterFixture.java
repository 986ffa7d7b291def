package dev.conclave.gateway.deadletters;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.conclave.delivery.DeadLetterPublisher;
import dev.conclave.delivery.KafkaClients;
import io.restassured.path.json.JsonPath;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Makes dead letters the way a consumer does: the record is published to its topic, then handed to
 * the runtime's {@link DeadLetterPublisher} with the failure that rejected it. Reads a topic's new
 * records byte for byte, and the index through the HTTP API.
 */
@ApplicationScoped
class DeadLetterFixture {
    private final KafkaClients clients;
    private final DeadLetterPublisher deadLetters;
    private final Map<String, Object> kafka;

    DeadLetterFixture(KafkaClients clients, DeadLetterPublisher deadLetters,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.clients = clients;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
    }

    /** Publishes {@code value} to {@code topic} with {@code headers}, then dead-letters it as {@code group} would; returns its key. */
    String deadLetter(String topic, byte[] value, Headers headers, String group, Throwable failure) throws Exception {
        return deadLetter("dl-test-" + UUID.randomUUID(), topic, value, headers, group, failure);
    }

    /** As {@link #deadLetter(String, byte[], Headers, String, Throwable)}, with the record key given (a scan id, say). */
    String deadLetter(String key, String topic, byte[] value, Headers headers, String group, Throwable failure)
            throws Exception {
        RecordMetadata sent = send(topic, key, value, headers);
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(topic, sent.partition(), sent.offset(),
                key.getBytes(), value);
        headers.forEach(consumed.headers()::add);
        deadLetters.publish(consumed, group, failure);
        return key;
    }

    /** Publishes a record with a new key to {@code topic} as it is; returns the key. */
    String publish(String topic, byte[] value, Headers headers) throws Exception {
        String key = "dl-test-" + UUID.randomUUID();
        send(topic, key, value, headers);
        return key;
    }

    private RecordMetadata send(String topic, String key, byte[] value, Headers headers) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = clients.rawProducer()) {
            return producer.send(new ProducerRecord<>(topic, null, key.getBytes(), value, headers)).get();
        }
    }

    /** Waits until the index lists the dead letter of that key (dead-lettered since {@code since}); the whole of it. */
    JsonPath awaitIndexed(String key, Instant since) {
        return await("dead letter " + key + " in the index").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonPath page = given().queryParam("from", since.toString()).queryParam("limit", 500)
                            .when().get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
                    List<Map<String, Object>> items = page.getList("items");
                    return items.stream().filter(item -> key.equals(item.get("key"))).findFirst()
                            .map(item -> given().when().get("/api/v1/dead-letters/" + item.get("id"))
                                    .then().statusCode(200).extract().jsonPath())
                            .orElse(null);
                }, found -> found != null);
    }

    /** The end offsets of {@code topic} now, to read what comes after. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer, topic), Duration.ofSeconds(10));
        }
    }

    /** Records of {@code topic} with {@code key} after {@code from}, reading to the end offsets of now. */
    List<ConsumerRecord<byte[], byte[]>> recordsAfter(String topic, Map<TopicPartition, Long> from, String key) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> to = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            from.forEach(consumer::seek);
            long deadline = System.currentTimeMillis() + 20_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < to.get(p))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && key.equals(new String(record.key()))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
