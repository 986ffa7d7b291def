package dev.conclave.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.SampleDigests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rows from concurrent callers are committed together, and the contract of a row per transaction holds:
 * every caller returns only once its own row is committed, and a row PostgreSQL refuses inside a batch is
 * the only one skipped.
 */
@QuarkusTest
class ConcurrentRowsAreCommittedTogetherTest {
    @Inject
    CallRecorder recorder;
    @Inject
    AgroalDataSource database;

    @Test
    void everyCallerReturnsAfterItsRowIsCommitted() throws Exception {
        UUID scanId = UUID.randomUUID();
        int callers = 150;
        CountDownLatch start = new CountDownLatch(1);
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= callers; i++) {
                int attempt = i;
                done.add(threads.submit(() -> {
                    start.await();
                    recorder.record(row(scanId, attempt));
                    // Read back on another transaction at once: a row returned for must be committed already.
                    long found = QuarkusTransaction.requiringNew().call(() ->
                            ModelCallRecord.count("scanId = ?1 and attempt = ?2", scanId, attempt));
                    if (found != 1) {
                        problems.add("attempt " + attempt + " returned with " + found + " rows committed");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }

        assertEquals(List.of(), List.copyOf(problems));
        assertEquals(callers, CallRows.of(scanId).size());
        long transactions = transactionsOf(scanId);
        System.out.printf("%d concurrent rows committed in %d transactions%n", callers, transactions);
        assertTrue(transactions < callers, "each of " + callers + " rows had a transaction of its own");
    }

    @Test
    void aRefusedRowInABatchIsTheOnlyOneSkipped() throws Exception {
        UUID scanId = UUID.randomUUID();
        int callers = 40;
        int bad = 20;
        long splitBefore = recorder.batchesSplit();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // Hold the table so that the writer blocks on its first insert while the others queue up behind it.
            Future<?> lock = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                ModelCallRecord.getEntityManager().createNativeQuery("LOCK TABLE model_call IN EXCLUSIVE MODE")
                        .executeUpdate();
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS), "the table was locked");
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= callers; i++) {
                ModelCallRecord row = row(scanId, i);
                if (i == bad) {
                    row.costUsd = new BigDecimal("12345678901234"); // numeric(14, 8) holds 6 digits before the point
                }
                done.add(threads.submit(() -> recorder.record(row)));
            }
            Thread.sleep(1_000);
            for (Future<?> f : done) {
                assertTrue(!f.isDone(), "a caller returned while its row could not be written");
            }
            release.countDown();
            lock.get(30, TimeUnit.SECONDS);
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS); // every caller returns, the bad row's too, without an exception
            }
        }

        List<Integer> attempts = CallRows.of(scanId).stream().map(r -> r.attempt).sorted().toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= callers; i++) {
            if (i != bad) {
                expected.add(i);
            }
        }
        assertEquals(expected, attempts);
        assertTrue(recorder.batchesSplit() > splitBefore, "the refused row was in a batch that was split");
    }

    /** Distinct inserting transactions (PostgreSQL's xmin) of a scan's rows. */
    private long transactionsOf(UUID scanId) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(DISTINCT xmin::text) FROM model_call WHERE scan_id = ?")) {
            query.setObject(1, scanId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static ModelCallRecord row(UUID scanId, int attempt) {
        ModelCallRecord row = ModelCallRecord.of(AnalysisTask.specialist(scanId, 1, "architect", SampleDigests.greeter(),
                false), new ModelRef("offline", "conclave-offline-1"), "architect/v1", "llm-client-test", Instant.now());
        row.attempt = attempt;
        row.outcome = "SUCCEEDED";
        row.costUsd = BigDecimal.ZERO;
        row.costSource = "FREE";
        // The offline simulator's row, as the provider says: readers of real calls' history (the replay
        // estimator's mean cost per role) leave these out, so this test's many free rows cannot skew them.
        row.simulated = true;
        return row;
    }
}
