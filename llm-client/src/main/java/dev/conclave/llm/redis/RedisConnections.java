package dev.conclave.llm.redis;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The connections of one named Quarkus Redis client ({@code quarkus.redis.<client>.*}), handed out in
 * this process: at most {@code max-pool-size} commands of the client are in flight, and the rest wait
 * here, in arrival order. Waiting for a connection is backpressure, never an outage: the pool's own
 * wait queue ({@code max-pool-waiting}), which refuses a command outright once full ("Connection pool
 * reached max wait queue size"), is then only the slack for health checks and for commands whose
 * caller stopped waiting for their answer; a refusal from it is waited out too.
 *
 * <p>So a command that gets in is a started command: its timeout, a refused or reset connection, mean
 * Redis is unavailable. A wait here that outlasts its bound is {@link RedisBusy}, which each user
 * treats as what it is (the cache gives up that one lookup or store; the rate limiter waits on, unless
 * an outage was seen meanwhile). Progress events do not use it: they must never block their caller,
 * and wait in their client's (long) pool queue instead.
 */
public final class RedisConnections {
    /** How often a waiter looks whether it should give up; also the pause before retrying a refusal. */
    private static final long SLICE_MS = 20;

    private final String client;
    private final int size;
    private final Duration timeout;
    private final Semaphore free;

    RedisConnections(String client, int size, Duration timeout) {
        if (size < 1) {
            throw new IllegalArgumentException("quarkus.redis." + client + ".max-pool-size is " + size
                    + "; a Redis client needs at least 1 connection");
        }
        this.client = client;
        this.size = size;
        this.timeout = timeout;
        this.free = new Semaphore(size, true);
    }

    /** The client's name, as in {@code quarkus.redis.<client>.*}. */
    public String client() {
        return client;
    }

    /** How many commands may be in flight at once: the client's {@code max-pool-size}. */
    public int size() {
        return size;
    }

    /** The client's {@code timeout}: how long one command may take, and a best-effort user waits for a connection. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs {@code command} once a connection is free, waiting for one at most {@code maxWait}.
     *
     * @throws RedisBusy when no connection came free within {@code maxWait}
     */
    public <T> T call(Duration maxWait, Supplier<T> command) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        return call(() -> System.nanoTime() - deadline >= 0, command);
    }

    /**
     * Runs {@code command} once a connection is free, waiting for one until {@code giveUp} says so
     * (checked every few milliseconds).
     *
     * @throws RedisBusy when {@code giveUp} said so before a connection came free
     */
    public <T> T call(BooleanSupplier giveUp, Supplier<T> command) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            if (!enter(giveUp)) {
                throw busy(started);
            }
            try {
                return command.get();
            } catch (RuntimeException e) {
                if (!poolRefused(e)) {
                    throw e;
                }
            } finally {
                free.release();
            }
            // The pool's own queue was full (commands of callers that stopped waiting still hold
            // connections): not an outage, so wait a little and queue again.
            Thread.sleep(SLICE_MS);
        }
    }

    /**
     * Takes a connection for a command whose answer arrives later (pair with {@link #leave()} when it
     * does), waiting at most {@code maxWait}; false when none came free in time.
     */
    public boolean enter(Duration maxWait) throws InterruptedException {
        return free.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Gives back a connection taken with {@link #enter(Duration)}. */
    public void leave() {
        free.release();
    }

    private boolean enter(BooleanSupplier giveUp) throws InterruptedException {
        while (!free.tryAcquire(SLICE_MS, TimeUnit.MILLISECONDS)) {
            if (giveUp.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    private RedisBusy busy(long started) {
        return new RedisBusy("all " + size + " connections of Redis client '" + client + "' stayed busy for "
                + (System.nanoTime() - started) / 1_000_000 + " ms (quarkus.redis." + client + ".max-pool-size="
                + size + "); Redis itself answers, this instance asks more of it than the pool carries");
    }

    /**
     * Whether {@code failure} is the pool refusing to queue a command (its wait queue is full): the
     * client is busy, Redis is not down. Vert.x reports it as {@code ConnectionPoolTooBusyException}
     * ("Connection pool reached max wait queue size of N"), possibly wrapped.
     */
    public static boolean poolRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t.getClass().getSimpleName().equals("ConnectionPoolTooBusyException")
                    || message.contains("max wait queue") || message.contains("connection pool reached")) {
                return true;
            }
        }
        return false;
    }

    /** No connection of a Redis client came free in time: this instance is busy, Redis is not down. */
    public static final class RedisBusy extends RuntimeException {
        RedisBusy(String message) {
            super(message);
        }
    }
}
