package dev.conclave.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deletes of concurrent immediate publishes: callers that arrive while a delete is in flight share the
 * next statement, each returns only once its own row's delete committed, and a failed delete fails every
 * caller of that batch (their rows stay for the relay) without stopping later ones.
 */
class ConcurrentOutboxDeletesShareOneStatementTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(12);
    private final List<List<Long>> statements = new CopyOnWriteArrayList<>();
    private final Set<Long> committed = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** Deletes whose first statement waits for {@link #releaseFirst}; statement n (from 1) fails when {@code fails} says so. */
    private GroupedDeletes deletes(IntPredicate fails) {
        return new GroupedDeletes(ids -> {
            statements.add(ids);
            int number = statements.size();
            if (number == 1) {
                firstStarted.countDown();
                try {
                    releaseFirst.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (fails.test(number)) {
                throw new IllegalStateException("database down");
            }
            committed.addAll(ids);
        });
    }

    /** Row 0's delete, in flight until {@link #releaseFirst}, then {@code ids} queued behind it. */
    private List<Future<Boolean>> queuedBehindTheFirst(GroupedDeletes deletes, Future<?>[] first, long... ids) throws Exception {
        first[0] = callers.submit(() -> deletes.delete(0));
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        List<Future<Boolean>> waiting = new ArrayList<>();
        for (long id : ids) {
            // Each caller tells, when it returns, whether its own row's delete was committed by then.
            waiting.add(callers.submit(() -> {
                deletes.delete(id);
                return committed.contains(id);
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deletes.queued() < ids.length && System.nanoTime() < deadline) {
            Thread.sleep(5); // until all of them are queued behind the first delete
        }
        assertEquals(ids.length, deletes.queued(), "queued behind the first delete");
        assertTrue(waiting.stream().noneMatch(Future::isDone), "nobody returns before its delete is done");
        return waiting;
    }

    @Test
    void callersWaitingBehindADeleteAreDeletedTogetherAndEachOnlyAfterItsCommit() throws Exception {
        GroupedDeletes deletes = deletes(number -> false);
        Future<?>[] first = new Future<?>[1];
        List<Future<Boolean>> waiting = queuedBehindTheFirst(deletes, first, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        releaseFirst.countDown();
        first[0].get(5, TimeUnit.SECONDS);
        for (Future<Boolean> caller : waiting) {
            assertTrue(caller.get(5, TimeUnit.SECONDS), "returned only after its row was deleted");
        }
        assertEquals(List.of(0L), statements.get(0));
        assertEquals(2, statements.size(), "the ten waiting rows go in one statement: " + statements);
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), Set.copyOf(statements.get(1)));
    }

    @Test
    void aFailedDeleteFailsItsCallerAndTheNextBatchStillRuns() throws Exception {
        GroupedDeletes deletes = deletes(number -> number == 1);
        Future<?>[] first = new Future<?>[1];
        List<Future<Boolean>> waiting = queuedBehindTheFirst(deletes, first, 1);
        releaseFirst.countDown();
        Exception failure = assertThrows(Exception.class, () -> first[0].get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("database down"), failure.toString());
        assertTrue(waiting.get(0).get(5, TimeUnit.SECONDS), "its own batch, after the failed one");
        assertTrue(callers.submit(() -> {
            deletes.delete(2);
            return committed.contains(2L);
        }).get(5, TimeUnit.SECONDS), "a later caller still gets its delete");
        assertEquals(List.of(List.of(0L), List.of(1L), List.of(2L)), statements);
    }

    @Test
    void aFailureReachesEveryCallerThatWaitedForThatBatch() throws Exception {
        GroupedDeletes deletes = deletes(number -> number == 2);
        Future<?>[] first = new Future<?>[1];
        List<Future<Boolean>> waiting = queuedBehindTheFirst(deletes, first, 1, 2);
        releaseFirst.countDown();
        first[0].get(5, TimeUnit.SECONDS);
        for (Future<Boolean> caller : waiting) {
            Exception failure = assertThrows(Exception.class, () -> caller.get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause().getMessage().contains("database down"), failure.toString());
        }
        assertEquals(2, statements.size(), statements.toString());
        assertEquals(Set.of(0L), committed);
    }
}
