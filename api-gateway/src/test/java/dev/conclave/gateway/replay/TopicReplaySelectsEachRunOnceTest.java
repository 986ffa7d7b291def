package dev.conclave.gateway.replay;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.model.RoleOutcome;
import dev.conclave.model.RoleResult;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A topic replay reads only its time range, writes one item per run however many records name it (across
 * batches: the test profile's batch size is 2), counts what it cannot decode or no longer finds instead of
 * failing, can be run again without a duplicate, and leaves no consumer group behind.
 */
@QuarkusTest
class TopicReplaySelectsEachRunOnceTest {

    @Inject
    TopicReplay replay;

    @Inject
    DataSource dataSource;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void resultsInTheRangeBecomeOneResynthesisPerRun() throws Exception {
        Instant requestsFrom = Instant.now();
        List<UUID> scans = List.of(submit(), submit(), submit());
        Instant from = Instant.now().plusSeconds(5);
        Instant to = from.plusSeconds(10);
        UUID unknownScan = UUID.randomUUID();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            long inRange = from.toEpochMilli() + 1;
            send(producer, from.toEpochMilli() - 1, result(scans.get(0), 1, "architect")); // before the range
            for (UUID scan : scans) {
                for (String role : List.of("architect", "deployment", "business")) {
                    send(producer, inRange++, result(scan, 1, role));
                }
            }
            send(producer, inRange++, result(unknownScan, 1, "architect"));      // scan no longer exists
            send(producer, inRange++, result(scans.get(1), 7, "architect"));    // a run never started
            send(producer, inRange++, "{not json".getBytes(StandardCharsets.UTF_8));
            send(producer, inRange++, new byte[] {(byte) 0xC3, (byte) 0x28}); // not UTF-8
            send(producer, inRange, WireJson.encode(Map.of("scanId", scans.get(2).toString())).getBytes(StandardCharsets.UTF_8));
            send(producer, to.toEpochMilli(), result(UUID.randomUUID(), 1, "architect")); // at 'to': outside
            producer.flush();
        }
        Set<String> groupsBefore = groups();

        UUID job = job();
        TopicReplay.Selection selection = replay.select(job, Topics.ROLE_RESULTS, from, to);

        assertEquals(new TopicReplay.Selection(14, 3, 3, 2), selection, "9 results of 3 runs, 2 of runs gone, 3 unreadable");
        assertEquals(scans.stream().map(s -> s + "/1/RESYNTHESIZE").sorted().toList(), items(job));
        assertEquals(selection, replay.select(job, Topics.ROLE_RESULTS, from, to), "selecting again changes nothing");
        assertEquals(3, items(job).size());
        assertEquals(groupsBefore, groups(), "no consumer group was created or joined");

        UUID rerun = job();
        TopicReplay.Selection requests = replay.select(rerun, Topics.SCAN_REQUESTS, requestsFrom, from);
        assertTrue(items(rerun).containsAll(scans.stream().map(s -> s + "/1/RERUN").toList()),
                () -> "every submitted scan's request is selected for a re-run: " + requests);
    }

    @Test
    void aTopicThatCannotBeReplayedOrAnEmptyRangeIsRefusedBeforeReading() {
        Instant now = Instant.now();
        InvalidScanException topic = assertThrows(InvalidScanException.class,
                () -> replay.select(UUID.randomUUID(), Topics.SCAN_COMPLETED, now.minusSeconds(60), now));
        assertEquals("topic", topic.field());
        assertTrue(topic.getMessage().contains(Topics.ROLE_RESULTS), topic.getMessage());
        InvalidScanException range = assertThrows(InvalidScanException.class,
                () -> replay.select(UUID.randomUUID(), Topics.ROLE_RESULTS, now, now));
        assertEquals("from", range.field());
    }

    private static UUID submit() {
        String body = """
                {"name": "topic-replay-%d", "files": [
                  {"path": "README.md", "content": "# Greeter\\nGreets people.\\n"},
                  {"path": "greeter/app.py", "content": "def greet(name):\\n    return 'hi ' + name\\n"}
                ]}""".formatted(System.nanoTime());
        return UUID.fromString(given().contentType("application/json").body(body).when().post("/api/v1/scans")
                .then().statusCode(202).extract().path("scanId"));
    }

    private static byte[] result(UUID scan, int run, String role) {
        RoleResult result = new RoleResult(SchemaVersions.WIRE, scan, run, role, RoleOutcome.SUCCEEDED,
                WireJson.tree(Map.of("summary", "fine")), null, "offline", "sim", true, "test", Instant.now(), Instant.now());
        return WireJson.encode(result).getBytes(StandardCharsets.UTF_8);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, long timestamp, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ROLE_RESULTS, null, timestamp, "k".getBytes(StandardCharsets.UTF_8), value))
                .get();
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().retainAll(ProducerConfig.configNames());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private Set<String> groups() throws Exception {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().retainAll(AdminClientConfig.configNames());
        try (Admin admin = Admin.create(config)) {
            return Set.copyOf(admin.listGroups().all().get().stream().map(GroupListing::groupId).toList());
        }
    }

    private UUID job() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into replay_job (id, kind, status, selection, share, max_in_flight, created_at, updated_at)
                values (?, 'TOPIC', 'SELECTING', '{}', 0.2, 4, now(), now())""")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private List<String> items(UUID job) throws Exception {
        List<String> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select scan_id, source_run, action from replay_item where job_id = ? order by 1, 2")) {
            query.setObject(1, job);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(rows.getObject(1) + "/" + rows.getInt(2) + "/" + rows.getString(3));
                }
            }
        }
        return items.stream().sorted().toList();
    }
}
