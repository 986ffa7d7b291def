package dev.conclave.worker.messaging;

import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.Topics;
import dev.conclave.model.WireFormatException;
import dev.conclave.model.WireJson;
import dev.conclave.worker.service.RoleAnalysis;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The consumer of one role: group {@code analysis-<role>} on {@link Topics#SCAN_REQUESTS}.
 * Records are analysed concurrently on virtual threads, up to {@code concurrency} at once, and
 * keep flowing: the loop polls while calls are in flight and pauses its partitions only when the
 * limit is reached. An offset is committed once every record before it has its result
 * acknowledged by the broker ({@link PartitionProgress}), so a crash re-delivers, never loses.
 * The {@link KafkaConsumer} is touched by the loop's thread only; workers report back through
 * a queue.
 */
final class RoleConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(RoleConsumer.class);

    private final String role;
    private final String group;
    private final KafkaConsumer<String, String> consumer;
    private final RoleAnalysis analysis;
    private final RoleResultPublisher publisher;
    private final int concurrency;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final PartitionProgress progress = new PartitionProgress();
    // Records being worked on right now (read by health from other threads; the loop keeps its own count).
    private final AtomicInteger working = new AtomicInteger();
    private volatile boolean running = true;
    private volatile boolean polling;

    /** What a worker thread reports about one record. */
    private record Outcome(TopicPartition partition, long offset, Exception failure) {
    }

    RoleConsumer(String role, KafkaConsumer<String, String> consumer, RoleAnalysis analysis,
            RoleResultPublisher publisher, int concurrency) {
        this.role = role;
        this.group = Topics.analysisGroup(role);
        this.consumer = consumer;
        this.analysis = analysis;
        this.publisher = publisher;
        this.concurrency = concurrency;
    }

    @Override
    public void run() {
        polling = true;
        try {
            consumer.subscribe(List.of(Topics.SCAN_REQUESTS), new FinishBeforeHandingOver());
            while (running) {
                drainOutcomes(0);
                commit(false);
                if (progress.inFlight() >= concurrency) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
                // Short polls while work is in flight, so finished records are committed promptly.
                Duration wait = progress.inFlight() > 0 ? Duration.ofMillis(20) : Duration.ofMillis(500);
                for (ConsumerRecord<String, String> record : consumer.poll(wait)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    progress.started(partition, record.offset());
                    working.incrementAndGet();
                    threads.submit(() -> {
                        try {
                            outcomes.add(new Outcome(partition, record.offset(), process(record)));
                        } finally {
                            working.decrementAndGet();
                        }
                    });
                }
            }
            drainOutcomes(progress.inFlight());
            commit(true);
        } catch (WakeupException e) {
            // stop() woke the consumer: commit what finished; the rest comes again to another instance.
            try {
                drainOutcomes(0);
                commit(true);
            } catch (RuntimeException late) {
                LOG.warnf("role %s could not commit at shutdown: %s", role, late.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer of role %s stopped", role);
        } finally {
            polling = false;
            consumer.close(Duration.ofSeconds(5));
            threads.shutdown();
        }
    }

    /** Takes finished records off the queue; waits for at least {@code atLeast} of them. */
    private void drainOutcomes(int atLeast) {
        try {
            for (int taken = 0; ; taken++) {
                Outcome outcome = taken < atLeast ? outcomes.poll(60, TimeUnit.SECONDS) : outcomes.poll();
                if (outcome == null) {
                    return;
                }
                if (outcome.failure() != null) {
                    // Not acknowledged: stop before committing past it, so it is delivered again.
                    throw new IllegalStateException("the result of role " + role + " for offset " + outcome.offset()
                            + " was not acknowledged: " + outcome.failure().getMessage(), outcome.failure());
                }
                progress.finished(outcome.partition(), outcome.offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = progress.takeCommittable();
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
        } else {
            consumer.commitAsync(offsets, (committed, e) -> {
                if (e != null) {
                    LOG.warnf("commit of role %s failed, the records come again: %s", role, e.getMessage());
                }
            });
        }
    }

    /** Returns null when the record was handled (result or dead letter acknowledged), else the failure. */
    /** Records of this role being analysed now: the model calls this instance holds open. */
    int inFlight() {
        return working.get();
    }

    private Exception process(ConsumerRecord<String, String> record) {
        try {
            ScanRequest request;
            try {
                request = WireJson.decode(record.value(), ScanRequest.class);
                if (request.schemaVersion() > SchemaVersions.WIRE) {
                    throw new WireFormatException("schema version " + request.schemaVersion() + " is newer than "
                            + SchemaVersions.WIRE + "; upgrade this worker");
                }
            } catch (WireFormatException e) {
                LOG.warnf("request at %s-%d offset %d goes to %s: %s", record.topic(), record.partition(),
                        record.offset(), Topics.DEAD_LETTERS, e.getMessage());
                publisher.deadLetter(record.key(), record.value(), record.topic(), group, e.getMessage()).get();
                return null;
            }
            if (request.roles().contains(role)) {
                RoleResult result = analysis.analyse(request, role);
                publisher.publish(result).get();
            }
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /** Before partitions move to another instance, finish and commit what was started on them. */
    private final class FinishBeforeHandingOver implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drainOutcomes(progress.inFlight());
            commit(true);
            progress.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            progress.forget(partitions);
        }
    }

    /** False once the consumer loop ended, e.g. after an error it could not survive. */
    boolean isPolling() {
        return polling;
    }

    String role() {
        return role;
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
