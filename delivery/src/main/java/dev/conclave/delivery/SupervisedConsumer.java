package dev.conclave.delivery;

import dev.conclave.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One Kafka consumer of Conclave ({@link ConsumerSpec}: a group on a topic with a handler), kept
 * running by a supervisor until shutdown.
 *
 * <p>Records are handled concurrently on virtual threads, each under {@link Persistently}: done
 * records are committed, permanent failures (including "unexpected after N attempts") are
 * dead-lettered through {@link DeadLetterPublisher} and then count as done. Records of a partition
 * may finish out of order; the committed offset only moves past records that are done
 * ({@link PartitionProgress}). At most {@link ConsumerSpec#concurrency()} records are handled at once
 * (a fair semaphore: in the order they were polled); as many again are fetched ahead and wait for a
 * slot, so a slot that frees starts the next record at once instead of after the next poll and fetch
 * (with 200 ms model calls and 10 slots, that gap was a tenth of each slot's time). The loop keeps
 * polling while records are in flight and pauses its partitions when the window is full, and also
 * while anything in the process waits for a dependency ({@link DependencyWaits}): no new work is
 * fetched during an outage, while polling keeps the group membership alive. Partitions taken away by
 * a rebalance are handed over once their records are done, or after
 * {@link SupervisionConfig#handoverWait()} uncommitted past the unfinished ones (their new owner does
 * them again; late outcomes are ignored); records fetched ahead for them and not started are given up
 * at once, uncommitted.
 *
 * <p>A loop that ends for any reason but shutdown (a handler's {@link Error}, a client failure) is
 * restarted on a fresh client, after 1 s doubling to 30 s ({@link SupervisionConfig}). The client is
 * touched by the loop's thread only; handler threads report back through a queue.
 */
public final class SupervisedConsumer {
    private static final Logger LOG = Logger.getLogger(SupervisedConsumer.class);

    /** What a consumer is doing. */
    public enum State {
        /** Not polling yet. */
        STARTING,
        /** Polling and handling records. */
        RUNNING,
        /** Polling without fetching: a dependency is waited for. */
        PAUSED,
        /** The loop ended and is restarted after a backoff. */
        RESTARTING,
        /** Shut down. */
        STOPPED
    }

    /**
     * How one record ended: done (offset may be committed), or not (it must come again), or given up
     * before it started because its partition was being handed over.
     */
    private record Outcome(TopicPartition partition, long offset, long epoch, Throwable failure, boolean givenUp) {
        Outcome(TopicPartition partition, long offset, long epoch, Throwable failure) {
            this(partition, offset, epoch, failure, false);
        }
    }

    /** How often a record waiting for a slot checks that its partition is still this consumer's. */
    private static final long SLOT_CHECK_MS = 20;

    private final ConsumerSpec spec;
    private final Supplier<Consumer<byte[], byte[]>> clients;
    private final Persistently persistently;
    private final DeadLetterPublisher deadLetters;
    private final DependencyWaits waits;
    private final SupervisionConfig config;
    private final AtomicInteger working = new AtomicInteger();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile State state = State.STARTING;
    private volatile String detail = "";
    private volatile int failedRestarts;
    private volatile boolean stopping;
    private volatile Consumer<byte[], byte[]> current;
    private Thread supervisor;

    SupervisedConsumer(ConsumerSpec spec, Supplier<Consumer<byte[], byte[]>> clients, Persistently persistently,
            DeadLetterPublisher deadLetters, DependencyWaits waits, SupervisionConfig config) {
        this.spec = spec;
        this.clients = clients;
        this.persistently = persistently;
        this.deadLetters = deadLetters;
        this.waits = waits;
        this.config = config;
    }

    void start() {
        supervisor = Thread.ofVirtual().name("consumer-" + spec.group()).start(this::supervise);
    }

    /** Ends the loop: what is done is committed, records in flight come again (to this group's next owner). */
    void stop() {
        stopping = true;
        stopSignal.countDown();
        Consumer<byte[], byte[]> client = current;
        if (client != null) {
            try {
                client.wakeup();
            } catch (RuntimeException e) {
                LOG.debugf("consumer %s was already closed: %s", spec.group(), e.getMessage());
            }
        }
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return supervisor == null || supervisor.join(timeout);
    }

    public ConsumerSpec spec() {
        return spec;
    }

    public ConsumerStatus status() {
        return new ConsumerStatus(spec.group(), spec.topic(), state, detail, working.get(), failedRestarts);
    }

    private void supervise() {
        Backoff backoff = new Backoff(config.restartBase(), config.restartCap(), new Random());
        while (!stopping) {
            Instant started = Instant.now();
            Throwable ended = null;
            try {
                new Loop().run();
            } catch (Throwable e) {
                ended = e;
            }
            if (stopping) {
                break;
            }
            if (Duration.between(started, Instant.now()).compareTo(config.restartCap().multipliedBy(2)) > 0) {
                failedRestarts = 0; // it ran for a good while: this is a new failure, not one in a row
            }
            long wait = backoff.ceilingMs(failedRestarts);
            failedRestarts++;
            String error = ended == null ? "the loop ended without an error" : describe(ended);
            detail = "last-error=" + error;
            state = State.RESTARTING;
            LOG.errorf(ended, "consumer %s on %s stopped (%s); restarting it in %d ms (restart %d in a row)",
                    spec.group(), spec.topic(), error, wait, failedRestarts);
            try {
                stopSignal.await(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        state = State.STOPPED;
        detail = "";
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** One run of the poll loop on its own client; ends by throwing, or by returning at shutdown. */
    private final class Loop implements ConsumerRebalanceListener {
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        private final PartitionProgress progress = new PartitionProgress();
        private final Semaphore slots = new Semaphore(spec.concurrency(), true);
        // Which assignment of a partition a record belongs to: outcomes of an earlier one are ignored.
        // Written by the loop's thread; read by records waiting for a slot, as are the partitions being handed over.
        private final Map<TopicPartition, Long> epochs = new ConcurrentHashMap<>();
        private final Set<TopicPartition> handingOver = ConcurrentHashMap.newKeySet();
        private long lastEpoch;
        private long lastCommit = System.nanoTime();
        private Consumer<byte[], byte[]> consumer;
        private boolean closing;

        void run() {
            consumer = clients.get();
            current = consumer;
            try {
                if (stopping) {
                    return;
                }
                consumer.subscribe(List.of(spec.topic()), this);
                state = State.RUNNING;
                detail = "";
                while (!stopping) {
                    drain();
                    if (progress.inFlight() == 0
                            || System.nanoTime() - lastCommit >= config.commitInterval().toNanos()) {
                        commit(false);
                    }
                    controlFlow();
                    // Short polls while work is in flight, so finished records are committed promptly.
                    Duration wait = progress.inFlight() > 0 ? Duration.ofMillis(20) : Duration.ofMillis(200);
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
                        submit(record);
                    }
                }
            } catch (WakeupException e) {
                if (!stopping) {
                    throw e;
                }
            } finally {
                closing = true;
                threads.shutdownNow();
                try {
                    drain();
                    commit(true);
                } catch (RuntimeException e) {
                    LOG.warnf("consumer %s could not commit while closing; its records come again: %s",
                            spec.group(), e.getMessage());
                }
                try {
                    consumer.close(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    LOG.warnf("consumer %s did not close cleanly: %s", spec.group(), e.getMessage());
                }
                current = null;
            }
        }

        /** Pauses fetching while a dependency is waited for or the window (handled and fetched ahead) is full. */
        private void controlFlow() {
            Set<TopicPartition> assigned = consumer.assignment();
            if (waits.any()) {
                consumer.pause(assigned);
                Map<String, DependencyWaits.Waiting> now = waits.now();
                state = State.PAUSED;
                detail = now.entrySet().stream()
                        .map(e -> "waiting-for=" + e.getKey() + " since " + e.getValue().since())
                        .collect(Collectors.joining(", "));
                return;
            }
            state = State.RUNNING;
            detail = "";
            if (progress.inFlight() >= 2 * spec.concurrency()) {
                consumer.pause(assigned);
            } else if (!consumer.paused().isEmpty()) {
                consumer.resume(consumer.paused());
            }
        }

        private void submit(ConsumerRecord<byte[], byte[]> record) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            long epoch = epochs.computeIfAbsent(partition, p -> ++lastEpoch);
            progress.started(partition, record.offset());
            threads.submit(() -> {
                try {
                    if (!awaitSlot(partition, epoch)) {
                        outcomes.add(new Outcome(partition, record.offset(), epoch, null, true));
                        return;
                    }
                } catch (InterruptedException e) {
                    outcomes.add(new Outcome(partition, record.offset(), epoch, e)); // shutting down
                    return;
                }
                working.incrementAndGet();
                try {
                    outcomes.add(new Outcome(partition, record.offset(), epoch, handle(record)));
                } finally {
                    working.decrementAndGet();
                    slots.release();
                }
            });
        }

        /** Takes a slot; false (and no slot) once the record's partition is no longer this consumer's to work on. */
        private boolean awaitSlot(TopicPartition partition, long epoch) throws InterruptedException {
            while (!slots.tryAcquire(SLOT_CHECK_MS, TimeUnit.MILLISECONDS)) {
                if (!ours(partition, epoch)) {
                    return false;
                }
            }
            if (!ours(partition, epoch)) {
                slots.release();
                return false;
            }
            return true;
        }

        private boolean ours(TopicPartition partition, long epoch) {
            Long current = epochs.get(partition);
            return current != null && current == epoch && !handingOver.contains(partition);
        }

        /** Handles one record on its own thread; null when it is done, else why it must come again. */
        private Throwable handle(ConsumerRecord<byte[], byte[]> record) {
            String where = record.topic() + "-" + record.partition() + "@" + record.offset() + " (" + spec.group() + ")";
            try {
                persistently.call("handling " + where, () -> {
                    spec.handler().handleRaw(record);
                    return null;
                });
                return null;
            } catch (Persistently.InterruptedStepException e) {
                return e;
            } catch (RuntimeException e) {
                if (Failures.classify(e) != FailureKind.PERMANENT) {
                    return e; // Persistently throws nothing else; a loop restart is the safe answer if it does
                }
                if (Topics.DEAD_LETTERS.equals(record.topic())) {
                    // Its dead letter would come back to this same consumer, and fail again, forever.
                    LOG.errorf("%s cannot be handled and is not dead-lettered again (it is a dead letter): %s", where,
                            e.getMessage());
                    return e;
                }
                LOG.warnf("%s goes to the dead letters: %s", where, e.getMessage());
                try {
                    deadLetters.publish(record, spec.group(), e);
                    return null;
                } catch (Throwable unsent) {
                    return unsent;
                }
            } catch (Throwable e) {
                return e;
            }
        }

        /** Applies the outcomes reported so far. */
        private void drain() {
            for (Outcome outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
                apply(outcome);
            }
        }

        private void apply(Outcome outcome) {
            Long epoch = epochs.get(outcome.partition());
            if (epoch == null || epoch != outcome.epoch()) {
                return; // the partition was handed over meanwhile: its new owner does this record again
            }
            if (outcome.givenUp()) {
                progress.abandoned(outcome.partition(), outcome.offset());
                return;
            }
            if (outcome.failure() == null) {
                progress.finished(outcome.partition(), outcome.offset());
                failedRestarts = 0;
                return;
            }
            if (closing || stopping) {
                return; // interrupted by our own shutdown: it stays uncommitted and comes again
            }
            // Not done and cannot be retried here: end the loop before committing past it; the
            // supervisor restarts it on a fresh client, which reads the record again.
            throw new IllegalStateException(outcome.partition() + "@" + outcome.offset() + " could not be handled: "
                    + describe(outcome.failure()), outcome.failure());
        }

        private void commit(boolean sync) {
            Map<TopicPartition, OffsetAndMetadata> offsets = progress.takeCommittable();
            if (offsets.isEmpty()) {
                return;
            }
            lastCommit = System.nanoTime();
            if (sync) {
                try {
                    consumer.commitSync(offsets, Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    LOG.warnf("consumer %s could not commit %s; those records come again: %s", spec.group(), offsets,
                            e.getMessage());
                }
            } else {
                consumer.commitAsync(offsets, (committed, e) -> {
                    if (e != null) {
                        LOG.warnf("commit of consumer %s failed, the records come again: %s", spec.group(), e.getMessage());
                    }
                });
            }
        }

        /** Before partitions move to another member, finish (for a bounded time) and commit what was started on them. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            handingOver.addAll(partitions); // records fetched ahead for them and not started are given up
            long deadline = System.nanoTime() + (closing || stopping ? 0 : config.handoverWait().toNanos());
            try {
                while (progress.inFlight(partitions) > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    Outcome outcome = outcomes.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
                    if (outcome != null) {
                        apply(outcome);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            drain();
            int unfinished = progress.inFlight(partitions);
            if (unfinished > 0 && !closing && !stopping) {
                LOG.warnf("consumer %s hands %s over with %d records unfinished after %s%s; they are processed again",
                        spec.group(), partitions, unfinished, config.handoverWait(),
                        waits.any() ? " (waiting for " + waits.now().keySet() + ")" : "");
            }
            commit(true);
            forget(partitions);
            handingOver.removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                epochs.put(partition, ++lastEpoch);
            }
            if (waits.any()) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            progress.forget(partitions);
            partitions.forEach(epochs::remove);
        }
    }
}
