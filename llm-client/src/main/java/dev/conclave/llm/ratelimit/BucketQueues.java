package dev.conclave.llm.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This instance's fair queue per bucket. While nobody waits, a caller tries the bucket at once, so takes
 * go to Redis concurrently; once a try says wait, callers queue on a fair lock and only the head of the
 * queue tries again, so a saturated bucket costs Redis about one take per granted call per instance
 * instead of one per waiting caller, and callers are served in arrival order.
 */
final class BucketQueues {
    private final Map<String, ReentrantLock> queues = new ConcurrentHashMap<>();

    /** One try at a bucket. */
    @FunctionalInterface
    interface Try {
        BucketTry next() throws InterruptedException;
    }

    /** Tries {@code bucket} until a try is granted, waiting in its queue; returns the granted try. */
    BucketTry take(String bucket, Try attempt) throws InterruptedException {
        ReentrantLock queue = queues.computeIfAbsent(bucket, name -> new ReentrantLock(true));
        BucketTry outcome = queue.isLocked() ? BucketTry.NOT_TRIED : attempt.next();
        if (outcome.granted()) {
            return outcome;
        }
        queue.lockInterruptibly();
        try {
            while (!(outcome = attempt.next()).granted()) {
                sleep(outcome.waitMs());
            }
            return outcome;
        } finally {
            queue.unlock();
        }
    }

    private static void sleep(long waitMs) throws InterruptedException {
        // A little jitter keeps the heads of several instances' queues from asking Redis in lockstep;
        // under saturation it costs no throughput, since refill keeps accruing while nobody asks.
        Thread.sleep(waitMs + ThreadLocalRandom.current().nextLong(waitMs / 10 + 1));
    }
}
