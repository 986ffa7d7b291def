package dev.conclave.llm.metrics;

import dev.conclave.delivery.Persistently;
import dev.conclave.delivery.Sql;
import dev.conclave.llm.cache.CacheEventRecord;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Writes metrics rows ({@code model_call}, {@code cache_event}) in transactions of their own so they
 * survive whatever the caller's transaction does afterwards (a failed role still leaves the attempts it
 * made), and {@link Persistently}: while PostgreSQL is unavailable the write is retried with capped
 * backoff, blocking the call's thread (readiness names {@code postgresql} meanwhile), because the row
 * usually describes an answer that was already paid for, and that answer must not be lost over its
 * receipt. A row that can never be stored (a value the column refuses) is logged as an error with its
 * content and skipped: the answer it describes is still returned. Texts are cut to {@link #TEXT_LIMIT}
 * characters and stripped of NUL characters (which PostgreSQL's {@code text} refuses) before writing.
 *
 * <p>Group commit (issue 11: a transaction per row was a fifth of a worker's CPU): callers hand their row
 * to one writer thread and wait for it. The writer takes every row waiting (at most {@link #MAX_BATCH}),
 * and when more than one was waiting, so that callers are clearly concurrent, lingers {@link #LINGER} for
 * more; it inserts them with one JDBC batch in one transaction, then tells each caller. A lone row is
 * written at once, so one scan at a time pays no wait. The contract is the one of a row per transaction:
 * a caller returns only once its row is committed (or skipped as unstorable); the batch is retried as a
 * whole while PostgreSQL is down; a batch refused for its data is written again row by row, so that only
 * the bad row is skipped. Shutdown writes what is queued before the writer stops. Cache events are queued
 * without a wait of their own: the call's row that follows them is what the caller waits for.
 */
@ApplicationScoped
public class CallRecorder {
    private static final Logger LOG = Logger.getLogger(CallRecorder.class);
    /** Longest text stored in any column; an error message or model name beyond this is cut. */
    static final int TEXT_LIMIT = 2_000;
    /** Most rows in one transaction. */
    static final int MAX_BATCH = 64;
    /** How long the writer waits for more rows once it has seen concurrent ones. */
    static final Duration LINGER = Duration.ofMillis(2);
    /** How long shutdown lets the writer finish what is queued (PostgreSQL may be down) before interrupting it. */
    private static final Duration DRAIN = Duration.ofSeconds(10);
    private static final Map<Class<?>, RowInsert> INSERTS = Map.of(ModelCallRecord.class,
            RowInsert.of(ModelCallRecord.class), CacheEventRecord.class, RowInsert.of(CacheEventRecord.class));

    private final Persistently persistently;
    private final AgroalDataSource database;
    private final LlmMetrics metrics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private final AtomicLong batchesSplit = new AtomicLong();
    private Thread writer; // guarded by lifecycle; started by the first row
    private boolean closed; // guarded by lifecycle

    public CallRecorder(Persistently persistently, AgroalDataSource database, LlmMetrics metrics) {
        this.persistently = persistently;
        this.database = database;
        this.metrics = metrics;
    }

    /** One attempt (or cache hit); returns once the row is written, or skipped as unstorable. */
    public void record(ModelCallRecord row) {
        row.role = text(row.role);
        row.provider = text(row.provider);
        row.requestedModel = text(row.requestedModel);
        row.answeringModel = text(row.answeringModel);
        row.outcome = text(row.outcome);
        row.errorClass = text(row.errorClass);
        row.errorMessage = text(row.errorMessage);
        row.promptVersion = text(row.promptVersion);
        row.workerInstance = text(row.workerInstance);
        row.generationId = text(row.generationId);
        row.rateLimitMode = text(row.rateLimitMode);
        row.costSource = text(row.costSource);
        metrics.attempt(row);
        write(row, "the model_call row of " + row.role + " attempt " + row.attempt + " at "
                + row.provider + "/" + row.requestedModel + " for scan " + row.scanId + " run " + row.run);
    }

    /**
     * One cache HIT, MISS, STORE or BYPASS, queued for the writer without waiting for it: every cache event
     * of a call comes before the call's {@code model_call} row (or its cache-hit row), which its caller waits
     * for, and the one writer commits rows in the order they were queued, so that wait covers the event too.
     * An event thus costs the call no commit of its own. Only a call that ends without any row (a process
     * killed within the writer's few milliseconds) can lose its event; its redelivery records it again.
     */
    public void record(CacheEventRecord row) {
        row.role = text(row.role);
        row.provider = text(row.provider);
        row.model = text(row.model);
        row.cacheKey = text(row.cacheKey);
        row.event = text(row.event);
        row.workerInstance = text(row.workerInstance);
        metrics.cacheEvent(row);
        Pending pending = new Pending(row, "the cache_event row (" + row.event + ") of " + row.role + " for scan "
                + row.scanId + " run " + row.run, new CompletableFuture<>());
        if (!enqueue(pending)) {
            flush(List.of(pending)); // shut down already: written on the caller's thread
        }
    }

    /**
     * Returns once every row queued before this call is committed (or skipped as unstorable): read-your-writes
     * for the cache events, which are queued without a wait of their own.
     */
    public void awaitQueuedRows() {
        write(null, "the rows queued before now");
    }

    /** A row handed to the writer (null: a marker that only waits for the rows before it), and the caller's wait. */
    private record Pending(Object row, String what, CompletableFuture<Void> done) {
    }

    private void write(Object row, String what) {
        Pending pending = new Pending(row, what, new CompletableFuture<>());
        if (!enqueue(pending)) {
            flush(List.of(pending)); // shut down already: written alone on the caller's thread, as before
            return;
        }
        // The wait is a Persistently step too, so that an interrupt (shutdown) ends it as it ends any step:
        // the message stays uncommitted and comes again, with its row.
        persistently.call("waiting for " + what + " to be written", () -> awaitOutcome(pending));
    }

    private boolean enqueue(Pending pending) {
        synchronized (lifecycle) {
            if (closed) {
                return false;
            }
            if (writer == null) {
                writer = Thread.ofPlatform().daemon().name("metrics-row-writer").start(this::writeRows);
            }
            queue.add(pending);
            return true;
        }
    }

    /** Returns once the row is committed or skipped; an interrupt withdraws a row the writer has not taken. */
    private Void awaitOutcome(Pending pending) throws InterruptedException {
        try {
            try {
                return pending.done.get();
            } catch (InterruptedException e) {
                if (queue.remove(pending)) {
                    throw e; // never written: the redelivered message writes it
                }
                // Already in a transaction: wait for it, so that a committed row is not written again later.
                boolean stored = pending.done.handle((ok, failed) -> failed == null).join();
                Thread.currentThread().interrupt();
                if (!stored) {
                    throw e;
                }
                return null; // committed (or skipped): done, as a row committed just before an interrupt always was
            }
        } catch (ExecutionException e) {
            // The writer was interrupted by shutdown (or failed unexpectedly) with this row uncommitted.
            throw new InterruptedException("shutdown or a writer failure before " + pending.what + " was written");
        }
    }

    /** The writer thread: a batch at a time until shutdown has been asked for and nothing is queued. */
    private void writeRows() {
        try {
            while (true) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    synchronized (lifecycle) {
                        if (closed && queue.isEmpty()) {
                            return;
                        }
                    }
                    continue;
                }
                List<Pending> batch = new ArrayList<>(MAX_BATCH);
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                long deadline = System.nanoTime() + LINGER.toNanos();
                while (batch.size() > 1 && batch.size() < MAX_BATCH) {
                    Pending more = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (more == null) {
                        break;
                    }
                    batch.add(more);
                    queue.drainTo(batch, MAX_BATCH - batch.size());
                }
                try {
                    flush(batch);
                } catch (Persistently.InterruptedStepException e) {
                    throw e;
                } catch (RuntimeException | Error e) {
                    // A bug or an Error must not end the writer with callers waiting forever: they are told,
                    // their messages come again, and the writer goes on with the next batch.
                    LOG.errorf(e, "writing %d metrics rows failed unexpectedly; their messages come again", batch.size());
                    batch.forEach(p -> p.done.completeExceptionally(e));
                }
            }
        } catch (InterruptedException | Persistently.InterruptedStepException e) {
            // Shutdown gave up waiting for PostgreSQL: whoever still waits hears it and is redelivered.
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(p -> p.done.completeExceptionally(e));
        }
    }

    /**
     * Writes {@code batch} in one transaction, retried while PostgreSQL is down; a batch refused for its data
     * is written again a row at a time, and a single row refused is logged and skipped.
     */
    private void flush(List<Pending> batch) {
        String what = batch.size() == 1 ? batch.get(0).what : batch.size() + " metrics rows (" + batch.get(0).what
                + ", …)";
        try {
            persistently.run("writing " + what, () -> insert(batch));
        } catch (Persistently.InterruptedStepException e) {
            batch.forEach(p -> p.done.completeExceptionally(e));
            throw e; // shutdown: the messages come again, and so do their rows
        } catch (RuntimeException e) {
            // Only a permanent failure (or a bug that kept failing) comes out of Persistently.
            if (batch.size() > 1) {
                batchesSplit.incrementAndGet();
                LOG.warnf("%s could not be stored together (%s): writing them one by one", what, e.getMessage());
                try {
                    for (Pending pending : batch) {
                        flush(List.of(pending));
                    }
                } catch (Persistently.InterruptedStepException interrupted) {
                    batch.forEach(p -> p.done.completeExceptionally(interrupted)); // those not written yet
                    throw interrupted;
                }
                return;
            }
            Pending lost = batch.get(0);
            LOG.errorf(e, "METRICS ROW LOST: %s can never be stored (%s) and is skipped, so the figures of that"
                    + " scan run miss it; the answer it describes is unaffected. The row: %s", lost.what,
                    e.getMessage(), INSERTS.get(lost.row.getClass()).describe(lost.row));
        }
        batch.forEach(p -> p.done.complete(null));
    }

    /** One JDBC batch per table, all in one local transaction. */
    private void insert(List<Pending> batch) {
        Sql.inTransaction(database, "inserting " + batch.size() + " metrics rows", connection -> {
            for (var table : INSERTS.entrySet()) {
                List<Object> rows = batch.stream().map(Pending::row).filter(r -> r != null && r.getClass() == table.getKey())
                        .toList();
                if (rows.isEmpty()) {
                    continue;
                }
                try (PreparedStatement statement = connection.prepareStatement(table.getValue().sql)) {
                    for (Object row : rows) {
                        table.getValue().bind(statement, row);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
            return null;
        });
    }

    /** Batches that were refused and written again row by row (for tests). */
    long batchesSplit() {
        return batchesSplit.get();
    }

    /** Shutdown: no more rows are queued; what is queued is written (PostgreSQL willing) before the writer ends. */
    @PreDestroy
    void close() {
        Thread running;
        synchronized (lifecycle) {
            closed = true;
            running = writer;
        }
        if (running == null) {
            return;
        }
        try {
            running.join(DRAIN);
            if (running.isAlive()) {
                LOG.warnf("metrics rows still unwritten after %s at shutdown: their messages come again", DRAIN);
                running.interrupt();
                running.join(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            running.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    /** Storable text: no NUL characters, at most {@link #TEXT_LIMIT} characters. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        return clean.length() <= TEXT_LIMIT ? clean : clean.substring(0, TEXT_LIMIT - 1) + "…";
    }
}
