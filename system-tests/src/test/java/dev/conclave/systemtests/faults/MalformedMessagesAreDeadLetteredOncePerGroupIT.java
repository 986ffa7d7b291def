package dev.conclave.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.DeadLetters;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.fleet.Broker;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed messages on both consumed topics, published while 200 scans run: each is
 * dead-lettered exactly once by every consumer group that must reject it (with its original key,
 * value and headers, the reason and where it came from), a duplicate of a valid message is not
 * dead-lettered and doubles nothing, every consumer moves past all of them and every scan finishes.
 */
@SystemTest
class MalformedMessagesAreDeadLetteredOncePerGroupIT {
    /** The consumer groups of scan.requests: one per role of the offline panel, and the aggregator's intake. */
    private static final Set<String> REQUEST_GROUPS = Set.of("analysis-architect", "analysis-deployment",
            "analysis-business", "aggregator-intake");
    /** A request naming only roles nobody knows: the workers skip it (not theirs), the intake rejects it. */
    private static final Set<String> INTAKE = Set.of("aggregator-intake");
    private static final Set<String> RESULT_GROUPS = Set.of("aggregator");
    private static final Set<String> NOBODY = Set.of();
    /** Every corpus record but one carries it, so the dead letter can be shown to keep the original headers. */
    private static final String CORPUS_HEADER = "x-conclave-corpus";
    private static final int DEADLINE_SECONDS = 120;
    private static final Duration MOVED_ON_WITHIN = Duration.ofSeconds(120);
    /** Under the broker's 1 MB message limit, far over anything a field should hold. */
    private static final int HUGE = 900 * 1024;

    private final Fleet fleet;

    MalformedMessagesAreDeadLetteredOncePerGroupIT(Fleet fleet) {
        this.fleet = fleet;
    }

    /** One record of the corpus: what was published, where it landed, and which groups must dead-letter it. */
    private record Malformed(String name, ProducerRecord<byte[], byte[]> record, Set<String> rejectedBy,
            RecordMetadata landed) {
    }

    @Test
    void everyMalformedMessageIsDeadLetteredOncePerRejectingGroupAndTheRunFinishes() {
        FaultReport report = new FaultReport(fleet, getClass().getSimpleName());
        Broker broker = fleet.broker();
        Map<Integer, Long> deadLettersBefore = broker.endOffsets(Topics.DEAD_LETTERS);
        try (ScanLoad load = ScanLoad.start(fleet, "malformed", FaultScenarios.SCANS, FaultScenarios.SUBMITTERS,
                FaultScenarios.INTERVAL, DEADLINE_SECONDS)) {
            load.awaitAccepted(FaultScenarios.SCANS / 4, Duration.ofMinutes(3));
            Accepted finished = awaitOneCompleted(load);
            String tag = load.tag();
            List<Malformed> corpus = new ArrayList<>();
            requestCorpus(tag, finished, m -> corpus.add(publish(broker, m)));
            resultCorpus(tag, finished, m -> corpus.add(publish(broker, m)));
            Instant published = Instant.now();

            List<String> stuck = awaitMovedOn(broker, corpus);
            report.seconds("every group past the corpus after", Duration.between(published, Instant.now()));
            List<ConsumerRecord<byte[], byte[]>> deadLetters = broker.recordsSince(Topics.DEAD_LETTERS, deadLettersBefore);
            List<String> wrong = check(corpus, deadLetters);
            long requests = corpus.stream().filter(m -> m.record().topic().equals(Topics.SCAN_REQUESTS)).count();
            report.figure("corpus", requests + " on " + Topics.SCAN_REQUESTS + ", " + (corpus.size() - requests) + " on "
                    + Topics.ROLE_RESULTS);
            report.figure("dead letters matched", (corpus.stream().mapToInt(m -> m.rejectedBy().size()).sum()
                    - wrong.size()) + " of " + corpus.stream().mapToInt(m -> m.rejectedBy().size()).sum()
                    + " expected, problems " + wrong.size());

            assertAll(
                    () -> report.verify(load, false, DEADLINE_SECONDS, published),
                    () -> assertTrue(stuck.isEmpty(), "consumer groups that did not move past the corpus within "
                            + MOVED_ON_WITHIN.toSeconds() + " s: " + stuck),
                    () -> assertTrue(wrong.isEmpty(), wrong.size() + " problems with the dead letters:\n"
                            + String.join("\n", wrong)));
        }
    }

    private Accepted awaitOneCompleted(ScanLoad load) {
        return Awaitility.await("a scan of the run COMPLETED, to duplicate its messages").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> load.accepted().stream().filter(scan -> fleet.database().aggregation(scan.scanId(), scan.run())
                        .map(row -> row.status().equals("COMPLETED")).orElse(false)).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    /** scan.requests: every way a request can be unreadable or invalid, and two harmless duplicates. */
    private void requestCorpus(String tag, Accepted finished, Consumer<Malformed> out) {
        ConsumerRecord<String, String> original = only(fleet.broker().recordsWithKey(Topics.SCAN_REQUESTS,
                finished.scanId().toString()), "request");
        ObjectNode valid = (ObjectNode) parse(original.value());
        String topic = Topics.SCAN_REQUESTS;
        Set<String> all = REQUEST_GROUPS;
        undecodable(tag, topic, "{\"schemaVersion\":1,\"scanId\":", "[1,2,3]", "42", all, out);
        out.accept(json(tag, topic, "run-of-wrong-type", edit(valid, r -> r.put("run", "first")), all));
        out.accept(json(tag, topic, "roles-of-wrong-type", edit(valid, r -> r.putObject("roles").put("architect", 1)), all));
        // The message of issue 8 that stopped the architect consumer for good.
        out.accept(text(tag, topic, "missing-scan-id", "{\"schemaVersion\":1,\"run\":1,\"roles\":[\"architect\"]}", all));
        out.accept(json(tag, topic, "scan-id-not-a-uuid", edit(valid, r -> r.put("scanId", "not-a-uuid")), all));
        out.accept(json(tag, topic, "run-zero", edit(valid, r -> r.put("run", 0)), all));
        out.accept(json(tag, topic, "missing-roles", edit(valid, r -> r.remove("roles")), all));
        out.accept(json(tag, topic, "empty-roles", edit(valid, r -> r.putArray("roles")), all));
        out.accept(json(tag, topic, "unknown-role-only", edit(valid, r -> r.putArray("roles").add("astrologer")), INTAKE));
        out.accept(json(tag, topic, "schema-version-newer", edit(valid, r -> r.put("schemaVersion", 99)), all));
        out.accept(json(tag, topic, "schema-version-zero", edit(valid, r -> r.put("schemaVersion", 0)), all));
        out.accept(json(tag, topic, "null-digest", edit(valid, r -> r.putNull("digest")), all));
        out.accept(json(tag, topic, "missing-digest", edit(valid, r -> r.remove("digest")), all));
        out.accept(text(tag, topic, "huge-bad-json", "{\"projectName\":\"" + "x".repeat(HUGE), all));
        out.accept(json(tag, topic, "huge-list-of-unknown-roles", edit(valid, r -> {
            var roles = r.putArray("roles");
            for (int i = 0; roles.size() * 16 < HUGE / 2; i++) {
                roles.add("astrologer-" + i);
            }
        }), INTAKE));
        out.accept(text(tag, topic, "deeply-nested", nested(valid, "projectName"), all));
        out.accept(bytes(tag, topic, "invalid-utf8", invalidUtf8(), all));
        out.accept(withoutHeaders(text(tag, topic, "no-headers", "{\"schemaVersion\":1,\"run\":1}", all)));
        // Valid messages again: at-least-once delivery does this; they must be handled as the first time, not rejected.
        out.accept(duplicate(original, NOBODY, "duplicate-request"));
        out.accept(duplicate(original, NOBODY, "duplicate-request-with-odd-headers"));
    }

    /** scan.results: every way a role result can be unreadable, invalid or for nothing, and two duplicates. */
    private void resultCorpus(String tag, Accepted finished, Consumer<Malformed> out) {
        List<ConsumerRecord<String, String>> results = fleet.broker().recordsWithKey(Topics.ROLE_RESULTS,
                finished.scanId().toString());
        if (results.isEmpty()) {
            throw new AssertionError("no role result of the COMPLETED scan " + finished.scanId() + " on " + Topics.ROLE_RESULTS);
        }
        ConsumerRecord<String, String> original = results.getFirst();
        ObjectNode valid = (ObjectNode) parse(original.value());
        String topic = Topics.ROLE_RESULTS;
        Set<String> all = RESULT_GROUPS;
        String unknownScan = UUID.randomUUID().toString();
        undecodable(tag, topic, "{\"schemaVersion\":1,\"role\":", "[\"architect\"]", "7", all, out);
        out.accept(json(tag, topic, "run-of-wrong-type", edit(valid, r -> r.put("run", "one")), all));
        out.accept(json(tag, topic, "missing-scan-id", edit(valid, r -> r.remove("scanId")), all));
        out.accept(json(tag, topic, "scan-id-not-a-uuid", edit(valid, r -> r.put("scanId", "not-a-uuid")), all));
        out.accept(json(tag, topic, "run-zero", edit(valid, r -> r.put("run", 0)), all));
        out.accept(json(tag, topic, "missing-role", edit(valid, r -> r.remove("role")), all));
        out.accept(json(tag, topic, "unknown-outcome", edit(valid, r -> r.put("outcome", "MAYBE")), all));
        out.accept(json(tag, topic, "schema-version-newer", edit(valid, r -> r.put("schemaVersion", 99)), all));
        out.accept(json(tag, topic, "schema-version-zero", edit(valid, r -> r.put("schemaVersion", 0)), all));
        out.accept(json(tag, topic, "result-for-an-unknown-scan", edit(valid, r -> r.put("scanId", unknownScan)), all));
        out.accept(json(tag, topic, "run-beyond-the-current-run", edit(valid, r -> r.put("run", 7)), all));
        out.accept(json(tag, topic, "huge-analysis-for-an-unknown-scan", edit(valid, r -> r.put("scanId", unknownScan)
                .putObject("analysis").put("architecture_assessment", "y".repeat(HUGE))), all));
        out.accept(text(tag, topic, "deeply-nested-analysis", nested(valid, "analysis"), all));
        out.accept(bytes(tag, topic, "invalid-utf8", invalidUtf8(), all));
        out.accept(withoutHeaders(text(tag, topic, "no-headers", "{\"schemaVersion\":1,\"run\":1,\"role\":\"architect\"}",
                all)));
        out.accept(duplicate(original, NOBODY, "duplicate-result"));
        out.accept(duplicate(original, NOBODY, "duplicate-result-with-odd-headers"));
    }

    /** What no consumer can decode on any topic: broken JSON, an empty value, no value, JSON that is no object. */
    private static void undecodable(String tag, String topic, String brokenJson, String array, String number,
            Set<String> rejectedBy, Consumer<Malformed> out) {
        out.accept(text(tag, topic, "bad-json", brokenJson, rejectedBy));
        out.accept(bytes(tag, topic, "empty-value", new byte[0], rejectedBy));
        out.accept(bytes(tag, topic, "null-value", null, rejectedBy));
        out.accept(text(tag, topic, "json-array", array, rejectedBy));
        out.accept(text(tag, topic, "json-number", number, rejectedBy));
    }

    private static Malformed text(String tag, String topic, String name, String value, Set<String> rejectedBy) {
        return bytes(tag, topic, name, value.getBytes(StandardCharsets.UTF_8), rejectedBy);
    }

    private static Malformed json(String tag, String topic, String name, JsonNode value, Set<String> rejectedBy) {
        return text(tag, topic, name, WireJson.encode(value), rejectedBy);
    }

    /** A corpus record with a key of its own, so its dead letters can be told from everybody else's. */
    private static Malformed bytes(String tag, String topic, String name, byte[] value, Set<String> rejectedBy) {
        String key = tag + "/" + topic + "/" + name;
        RecordHeaders headers = new RecordHeaders();
        headers.add(CORPUS_HEADER, name.getBytes(StandardCharsets.UTF_8));
        return new Malformed(name, new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), value, headers),
                rejectedBy, null);
    }

    private static Malformed withoutHeaders(Malformed malformed) {
        ProducerRecord<byte[], byte[]> r = malformed.record();
        return new Malformed(malformed.name(), new ProducerRecord<>(r.topic(), null, r.key(), r.value(), new RecordHeaders()),
                malformed.rejectedBy(), null);
    }

    /** The valid record again with its own key and headers; the odd variant adds a header without value and one of raw bytes. */
    private static Malformed duplicate(ConsumerRecord<String, String> original, Set<String> rejectedBy, String name) {
        RecordHeaders headers = new RecordHeaders(original.headers().toArray());
        if (name.endsWith("odd-headers")) {
            headers.add("x-conclave-no-value", null);
            headers.add("x-conclave-raw", new byte[] {(byte) 0xff, 0, (byte) 0xfe});
        }
        return new Malformed(name, new ProducerRecord<>(original.topic(), null,
                original.key().getBytes(StandardCharsets.UTF_8), original.value().getBytes(StandardCharsets.UTF_8), headers),
                rejectedBy, null);
    }

    private static Malformed publish(Broker broker, Malformed malformed) {
        return new Malformed(malformed.name(), malformed.record(), malformed.rejectedBy(),
                broker.publishBytes(malformed.record()));
    }

    /** Waits until every group reading each record's topic has committed past it; returns those that did not. */
    private List<String> awaitMovedOn(Broker broker, List<Malformed> corpus) {
        Map<String, Long> needed = new TreeMap<>();
        for (Malformed m : corpus) {
            Set<String> groups = m.landed().topic().equals(Topics.SCAN_REQUESTS) ? REQUEST_GROUPS : RESULT_GROUPS;
            for (String group : groups) {
                needed.merge(group + " " + m.landed().topic() + "-" + m.landed().partition(), m.landed().offset() + 1,
                        Math::max);
            }
        }
        try {
            Awaitility.await("every group past the corpus").atMost(MOVED_ON_WITHIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> behind(broker, needed).isEmpty());
            return List.of();
        } catch (ConditionTimeoutException e) {
            return behind(broker, needed);
        }
    }

    private static List<String> behind(Broker broker, Map<String, Long> needed) {
        List<String> behind = new ArrayList<>();
        needed.forEach((where, offset) -> {
            String[] parts = where.split(" ");
            int dash = parts[1].lastIndexOf('-');
            TopicPartition partition = new TopicPartition(parts[1].substring(0, dash),
                    Integer.parseInt(parts[1].substring(dash + 1)));
            long committed = broker.committedOffset(parts[0], partition);
            if (committed < offset) {
                behind.add(where + " committed " + committed + ", corpus needs " + offset);
            }
        });
        return behind;
    }

    /** Every problem with the dead letters of the corpus, one line each. */
    private static List<String> check(List<Malformed> corpus, List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        List<String> problems = new ArrayList<>();
        for (Malformed m : corpus) {
            String what = m.landed().topic() + " " + m.name() + " (partition " + m.landed().partition() + ", offset "
                    + m.landed().offset() + ")";
            List<ConsumerRecord<byte[], byte[]>> letters = deadLetters.stream()
                    .filter(letter -> m.landed().topic().equals(header(letter, DeadLetters.TOPIC))
                            && Integer.toString(m.landed().partition()).equals(header(letter, DeadLetters.PARTITION))
                            && Long.toString(m.landed().offset()).equals(header(letter, DeadLetters.OFFSET)))
                    .toList();
            Map<String, Integer> byGroup = new TreeMap<>();
            letters.forEach(letter -> byGroup.merge(header(letter, DeadLetters.GROUP), 1, Integer::sum));
            Map<String, Integer> expected = new TreeMap<>();
            m.rejectedBy().forEach(group -> expected.put(group, 1));
            if (!byGroup.equals(expected)) {
                problems.add(what + ": dead letters by group " + byGroup + ", expected " + expected);
            }
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                String group = header(letter, DeadLetters.GROUP);
                if (header(letter, DeadLetters.REASON) == null || header(letter, DeadLetters.REASON).isBlank()) {
                    problems.add(what + " by " + group + ": no " + DeadLetters.REASON);
                }
                if (!Arrays.equals(m.record().key(), letter.key()) || !Arrays.equals(m.record().value(), letter.value())) {
                    problems.add(what + " by " + group + ": the original key and value were not kept");
                }
                for (Header original : m.record().headers()) {
                    Header kept = letter.headers().lastHeader(original.key());
                    if (kept == null || !Arrays.equals(original.value(), kept.value())) {
                        problems.add(what + " by " + group + ": original header " + original.key() + " not kept");
                    }
                }
            }
        }
        return problems;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Headers headers = record.headers();
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ObjectNode edit(ObjectNode valid, Consumer<ObjectNode> change) {
        ObjectNode copy = valid.deepCopy();
        change.accept(copy);
        return copy;
    }

    /** The valid message with {@code field} replaced by arrays nested 3 000 deep (Jackson's default limit is 1 000). */
    private static String nested(ObjectNode valid, String field) {
        int depth = 3_000;
        return WireJson.encode(edit(valid, r -> r.put(field, "NESTED-HERE")))
                .replace("\"NESTED-HERE\"", "[".repeat(depth) + "]".repeat(depth));
    }

    /** Starts like JSON, then bytes no UTF-8 decoder accepts. */
    private static byte[] invalidUtf8() {
        byte[] start = "{\"schemaVersion\":1,\"scanId\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] value = Arrays.copyOf(start, start.length + 4);
        value[start.length] = (byte) 0xc3;
        value[start.length + 1] = (byte) 0x28;
        value[start.length + 2] = (byte) 0xff;
        value[start.length + 3] = (byte) '"';
        return value;
    }

    private static JsonNode parse(String text) {
        try {
            return WireJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("the test's own JSON does not parse: " + e.getMessage(), e);
        }
    }

    private static <T> T only(List<T> found, String what) {
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + what + ", found " + found.size());
        }
        return found.getFirst();
    }
}
