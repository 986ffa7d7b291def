package dev.conclave.gateway.replay;

import dev.conclave.gateway.config.TopicReplayConfig;
import dev.conclave.gateway.persistence.RunKey;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Selects the runs of a topic replay: re-reads {@code scan.results} or {@code scan.requests} between
 * two instants through a consumer of its own and writes one replay_item per run read.
 *
 * <p>The consumer belongs to no group: it is assigned every partition, starts at the offset of the first
 * record at or after {@code from} ({@code offsetsForTimes}) and stops at the offset of the first record at
 * or after {@code to}, or at the partition's end offset taken when the read starts, whichever comes first;
 * records appended meanwhile are not read. It commits nothing, so the live groups' offsets never move and
 * their lag is untouched. Records are filtered once more by timestamp, since a producer's timestamps need
 * not grow within a partition.
 */
@ApplicationScoped
public class TopicReplay {
    private static final Logger LOG = Logger.getLogger(TopicReplay.class);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What a replayed run gets, by the topic its record was read from. */
    public enum Action {
        /** From {@code scan.results}: a new run synthesised again from the run's stored role results, no role analysed. */
        RESYNTHESIZE,
        /** From {@code scan.requests}: a new run whose roles are analysed again (answers from the cache while they last). */
        RERUN
    }

    private final Map<String, Object> kafkaConfig;
    private final TopicReplayItems items;
    private final TopicReplayConfig config;

    public TopicReplay(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TopicReplayItems items,
            TopicReplayConfig config) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.items = items;
        this.config = config;
        if (config.batchSize() < 1) {
            throw new IllegalArgumentException("conclave.topic-replay.batch-size is " + config.batchSize()
                    + "; it must be 1 or more (distinct runs held before they are written)");
        }
    }

    /**
     * The action a replay of {@code topic} between {@code from} and {@code to} takes, or the reason it cannot
     * be done, before anything is read.
     *
     * @throws InvalidScanException (400) for a topic that cannot be replayed, or a range that is empty
     */
    public static Action check(String topic, Instant from, Instant to) {
        if (from == null || to == null) {
            throw InvalidScanException.badRequest(from == null ? "from" : "to",
                    "a topic replay needs both 'from' and 'to' (ISO-8601 instants, e.g. 2026-12-01T10:00:00Z)");
        }
        if (!from.isBefore(to)) {
            throw InvalidScanException.badRequest("from", "'from' (" + from + ") is not before 'to' (" + to
                    + "); the range [from, to) would select nothing");
        }
        if (Topics.ROLE_RESULTS.equals(topic)) {
            return Action.RESYNTHESIZE;
        }
        if (Topics.SCAN_REQUESTS.equals(topic)) {
            return Action.RERUN;
        }
        throw InvalidScanException.badRequest("topic", "cannot replay topic '" + topic + "'; replay "
                + Topics.ROLE_RESULTS + " (re-synthesise runs from their stored role results) or " + Topics.SCAN_REQUESTS
                + " (analyse their roles again)");
    }

    /**
     * Reads {@code topic} from {@code from} (inclusive) to {@code to} (exclusive) and inserts the job's items
     * idempotently: selecting again after a failure resumes without duplicates.
     *
     * @return how many records were read, how many runs the job has, how many records were skipped
     *         (undecodable) and how many runs were skipped (their scan or run no longer exists)
     * @throws InvalidScanException  for a topic that cannot be replayed or an empty range
     * @throws IllegalStateException when the broker or the database fails; the items written so far stay
     */
    public Selection select(UUID jobId, String topic, Instant from, Instant to) {
        Action action = check(topic, from, to);
        Reading reading = new Reading(jobId, action);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(jobId)) {
            Map<TopicPartition, Long> stops = window(consumer, topic, from, to);
            LOG.infof("replay job %s: reading %s from %s to %s, partitions up to offsets %s", jobId, topic, from, to, stops);
            Instant lastProgress = Instant.now();
            while (!stops.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long stop = stops.get(partition);
                    if (stop != null && record.offset() < stop && record.timestamp() >= from.toEpochMilli()
                            && record.timestamp() < to.toEpochMilli()) {
                        reading.read(record.value());
                    }
                }
                for (TopicPartition partition : Set.copyOf(stops.keySet())) {
                    if (consumer.position(partition) >= stops.get(partition)) {
                        consumer.pause(Set.of(partition));
                        stops.remove(partition);
                    }
                }
                if (!records.isEmpty()) {
                    lastProgress = Instant.now();
                } else if (Duration.between(lastProgress, Instant.now()).compareTo(config.idleTimeout()) > 0) {
                    throw new IllegalStateException("replay job " + jobId + ": no record of " + topic + " arrived for "
                            + config.idleTimeout().toSeconds() + " s with partitions " + stops.keySet() + " unfinished"
                            + " (is the broker up?); the runs selected so far are stored, select again to resume"
                            + " (conclave.topic-replay.idle-timeout)");
                }
            }
        } catch (KafkaException e) {
            throw new IllegalStateException("replay job " + jobId + ": reading " + topic + " failed: " + e.getMessage()
                    + "; the runs selected so far are stored, select again to resume", e);
        }
        reading.flush();
        Selection selection = new Selection(reading.recordsRead, items.count(jobId), reading.recordsSkipped,
                reading.missing.size());
        LOG.infof("replay job %s: %s", jobId, selection);
        return selection;
    }

    /** Per partition with records in the range: seeks to its first one and answers where to stop. */
    private Map<TopicPartition, Long> window(KafkaConsumer<byte[], byte[]> consumer, String topic, Instant from, Instant to) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, BROKER_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw InvalidScanException.badRequest("topic", "topic " + topic + " does not exist on the broker; the"
                    + " gateway creates it at start-up (is this the cluster the services use?)");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, BROKER_TIMEOUT);
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(at(partitions, from), BROKER_TIMEOUT);
        Map<TopicPartition, OffsetAndTimestamp> afterRange = consumer.offsetsForTimes(at(partitions, to), BROKER_TIMEOUT);
        Map<TopicPartition, Long> stops = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            long end = ends.getOrDefault(partition, 0L);
            long stop = afterRange.get(partition) == null ? end : Math.min(end, afterRange.get(partition).offset());
            if (start != null && start.offset() < stop) {
                consumer.seek(partition, start.offset());
                stops.put(partition, stop);
            }
        }
        consumer.pause(partitions.stream().filter(p -> !stops.containsKey(p)).toList());
        return stops;
    }

    private static Map<TopicPartition, Long> at(List<TopicPartition> partitions, Instant instant) {
        return partitions.stream().collect(Collectors.toMap(Function.identity(), p -> instant.toEpochMilli()));
    }

    /** No group: nothing is committed anywhere, and no live group's offsets or membership are touched. */
    private KafkaConsumer<byte[], byte[]> consumer(UUID jobId) {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.keySet().retainAll(ConsumerConfig.configNames());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-replay-" + jobId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Records removed by retention while the read runs: go on from the oldest left.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(settings);
    }

    /** The state of one read: counts, the batch of runs not yet written, and the runs found missing. */
    private final class Reading {
        private final UUID jobId;
        private final Action action;
        private final Set<RunKey> batch = new LinkedHashSet<>();
        private final Set<RunKey> missing = new HashSet<>();
        private long recordsRead;
        private long recordsSkipped;

        Reading(UUID jobId, Action action) {
            this.jobId = jobId;
            this.action = action;
        }

        void read(byte[] value) {
            recordsRead++;
            RunKey run = decode(value);
            if (run == null) {
                recordsSkipped++;
                return;
            }
            if (batch.add(run) && batch.size() >= config.batchSize()) {
                flush();
            }
        }

        void flush() {
            missing.addAll(items.insert(jobId, action, batch));
            batch.clear();
        }

        /** The run a record names, or null when it cannot be read as this topic's message. */
        private RunKey decode(byte[] value) {
            if (value == null) {
                return null;
            }
            try {
                String json = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value)).toString();
                if (action == Action.RESYNTHESIZE) {
                    RoleResult result = RoleResult.decode(json);
                    return new RunKey(result.scanId(), result.run());
                }
                ScanRequest request = ScanRequest.decode(json);
                return new RunKey(request.scanId(), request.run());
            } catch (CharacterCodingException | RuntimeException e) {
                LOG.debugf("replay job %s: skipped a record that is not a valid message (%s)", jobId, e.getMessage());
                return null;
            }
        }
    }

    /**
     * What a topic read found.
     *
     * @param recordsRead    records in the time range
     * @param runsSelected   the job's items: distinct runs it will replay
     * @param recordsSkipped records in the range that are not a valid message of the topic (not UTF-8, not JSON, invalid)
     * @param runsSkipped    distinct runs named by records whose scan or run no longer exists
     */
    public record Selection(long recordsRead, long runsSelected, long recordsSkipped, long runsSkipped) {
    }
}
