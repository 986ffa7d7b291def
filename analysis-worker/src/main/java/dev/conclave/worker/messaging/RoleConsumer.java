package dev.conclave.worker.messaging;

import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.Topics;
import dev.conclave.model.WireFormatException;
import dev.conclave.model.WireJson;
import dev.conclave.worker.service.RoleAnalysis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The consumer of one role: group {@code analysis-<role>} on {@link Topics#SCAN_REQUESTS}. Each
 * poll's requests are analysed concurrently on virtual threads; the offsets are committed only
 * after every result of the poll was acknowledged, so a crash re-delivers, never loses.
 */
final class RoleConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(RoleConsumer.class);

    private final String role;
    private final String group;
    private final KafkaConsumer<String, String> consumer;
    private final RoleAnalysis analysis;
    private final RoleResultPublisher publisher;
    private final Semaphore inFlight;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private volatile boolean polling;

    RoleConsumer(String role, KafkaConsumer<String, String> consumer, RoleAnalysis analysis,
            RoleResultPublisher publisher, Semaphore inFlight) {
        this.role = role;
        this.group = Topics.analysisGroup(role);
        this.consumer = consumer;
        this.analysis = analysis;
        this.publisher = publisher;
        this.inFlight = inFlight;
    }

    @Override
    public void run() {
        polling = true;
        try {
            consumer.subscribe(List.of(Topics.SCAN_REQUESTS));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    handle(records);
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer: leave quietly.
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer of role %s stopped", role);
        } finally {
            polling = false;
            consumer.close(Duration.ofSeconds(5));
            threads.shutdown();
        }
    }

    private void handle(ConsumerRecords<String, String> records) {
        List<Future<?>> acks = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            acks.add(threads.submit(() -> {
                process(record);
                return null;
            }));
        }
        for (Future<?> ack : acks) {
            try {
                ack.get();
            } catch (Exception e) {
                // Not acknowledged: fail the poll so nothing is committed and the batch comes again.
                throw new IllegalStateException("a result of role " + role + " was not acknowledged: " + e.getMessage(), e);
            }
        }
    }

    private void process(ConsumerRecord<String, String> record) throws Exception {
        ScanRequest request;
        try {
            request = WireJson.decode(record.value(), ScanRequest.class);
            if (request.schemaVersion() > SchemaVersions.WIRE) {
                throw new WireFormatException("schema version " + request.schemaVersion() + " is newer than "
                        + SchemaVersions.WIRE + "; upgrade this worker");
            }
        } catch (WireFormatException e) {
            LOG.warnf("request at %s-%d offset %d goes to %s: %s", record.topic(), record.partition(), record.offset(),
                    Topics.DEAD_LETTERS, e.getMessage());
            publisher.deadLetter(record.key(), record.value(), record.topic(), group, e.getMessage()).get();
            return;
        }
        if (!request.roles().contains(role)) {
            return;
        }
        inFlight.acquire();
        RoleResult result;
        try {
            result = analysis.analyse(request, role);
        } finally {
            inFlight.release();
        }
        publisher.publish(result).get();
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
