package dev.conclave.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Group commit of outbox deletes: each caller waits until its row's delete is committed, but callers that
 * arrive while a delete is in flight are deleted together, in the next single statement. So concurrent
 * submissions pay one delete transaction between them, and a sequential one pays exactly what it paid
 * before (its own delete, no timer, no added wait).
 *
 * <p>Nothing is deferred: a row is deleted only after its ack (the caller has it when it calls), and
 * {@link #delete} returns only once the delete is committed or has failed. A failure is thrown to every
 * caller of that batch, whose rows stay for the relay (published again, as after a crash before the delete).
 *
 * <p>One caller at a time leads: it takes everything queued so far (its own row included) and runs one
 * delete. When it is done it hands the lead to the first caller still queued, so no thread flushes
 * more than one batch for others.
 */
final class GroupedDeletes {
    /** The outcome handed to a queued caller: its row deleted, or its turn to lead. */
    private enum Turn { DELETED, LEAD }

    private record Waiting(long id, CompletableFuture<Turn> turn) {
    }

    private final Consumer<List<Long>> deleteCommitted;
    private final Object lock = new Object();
    private List<Waiting> queued = new ArrayList<>();
    private boolean leading;

    /** @param deleteCommitted deletes the rows in one transaction of its own, throwing when it did not commit */
    GroupedDeletes(Consumer<List<Long>> deleteCommitted) {
        this.deleteCommitted = deleteCommitted;
    }

    /** Deletes the row, with whatever other rows are waiting; returns once committed, throws if it was not. */
    void delete(long id) {
        Waiting me = new Waiting(id, new CompletableFuture<>());
        boolean lead;
        synchronized (lock) {
            queued.add(me);
            lead = !leading;
            leading = true;
        }
        // join() rethrows the batch's failure (wrapped in a CompletionException, a RuntimeException).
        if (!lead && me.turn().join() == Turn.DELETED) {
            return;
        }
        List<Waiting> batch;
        synchronized (lock) {
            batch = queued;
            queued = new ArrayList<>();
        }
        // Any Throwable: a follower must never be left waiting for a batch whose leader died.
        Throwable failure = null;
        try {
            deleteCommitted.accept(batch.stream().map(Waiting::id).toList());
        } catch (Throwable e) {
            failure = e;
        }
        for (Waiting waiting : batch) {
            if (waiting != me) {
                if (failure == null) {
                    waiting.turn().complete(Turn.DELETED);
                } else {
                    waiting.turn().completeExceptionally(failure);
                }
            }
        }
        synchronized (lock) {
            if (queued.isEmpty()) {
                leading = false;
            } else {
                queued.get(0).turn().complete(Turn.LEAD);
            }
        }
        switch (failure) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure);
        }
    }

    /** How many callers wait for the next statement (for tests: they wait until callers have queued). */
    int queued() {
        synchronized (lock) {
            return queued.size();
        }
    }
}
