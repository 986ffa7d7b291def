package dev.conclave.llm.cancel;

import dev.conclave.model.RunCancel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The runs this process heard were cancelled ({@link CancelListener}), and the model calls of each
 * run in flight here. Every attempt, retry, repair and fallback asks {@link #refuseIfCancelled} first;
 * a cancel that arrives during a provider call or a retry's backoff interrupts the calling thread, so
 * the HTTP request is aborted and its answer never waited for.
 *
 * <p>Only the provider call and the backoff are interruptible ({@link #abortable}, {@link #pause}): an
 * interrupt inside JDBC or Redis would close a pooled connection, so the interrupt is delivered only
 * inside such a window and cleared when the window ends.
 */
@ApplicationScoped
public class CancelledRuns {
    /**
     * How long a cancel is remembered in memory. Long enough for every message of the run still in
     * flight; after it (and in a process started later) the workers' database check before each role holds.
     */
    private static final Duration REMEMBERED = Duration.ofHours(6);

    private final Map<RunCancel, Instant> cancelled = new ConcurrentHashMap<>();
    /** Mutated only inside the map's compute functions, so a call cannot register after a cancel looked. */
    private final Map<RunCancel, Set<Window>> inFlight = new ConcurrentHashMap<>();

    /** Notes the run as cancelled and interrupts its calls in flight in this process. */
    public void cancel(RunCancel run) {
        Instant now = Instant.now();
        // Cancels are rare: a sweep of the remembered ones on each is cheap and keeps the map bounded.
        cancelled.values().removeIf(at -> at.isBefore(now.minus(REMEMBERED)));
        cancelled.putIfAbsent(run, now);
        inFlight.computeIfPresent(run, (key, windows) -> {
            windows.forEach(Window::abort);
            return windows;
        });
    }

    public boolean isCancelled(UUID scanId, int run) {
        return cancelled.containsKey(new RunCancel(scanId, run));
    }

    /**
     * @param what the step that will not happen, for the message ("no further attempt at openrouter/x")
     * @throws RunCancelledException if the run was cancelled
     */
    public void refuseIfCancelled(UUID scanId, int run, String what) {
        if (isCancelled(scanId, run)) {
            throw new RunCancelledException(scanId, run, what);
        }
    }

    /**
     * Runs {@code step} (a provider call) so that a cancel of the run interrupts it. The step sees the
     * interrupt as it would any other (the HTTP client aborts the request); when it ends, an interrupt
     * the cancel delivered is cleared again, whatever the step did with it.
     *
     * @throws RunCancelledException if the run was cancelled before the step began
     */
    public <T> T abortable(UUID scanId, int run, Supplier<T> step) {
        Window window = open(new RunCancel(scanId, run));
        try {
            refuseIfCancelled(scanId, run, "the call was not started");
            return step.get();
        } finally {
            close(new RunCancel(scanId, run), window);
        }
    }

    /**
     * Sleeps {@code wait} (a retry's backoff) unless the run is cancelled meanwhile, in which case it
     * returns early and the next attempt is refused by {@link #refuseIfCancelled}.
     *
     * @throws InterruptedException if something other than a cancel interrupted the sleep (shutdown)
     */
    public void pause(UUID scanId, int run, Duration wait) throws InterruptedException {
        RunCancel key = new RunCancel(scanId, run);
        Window window = open(key);
        try {
            if (!isCancelled(scanId, run)) {
                Thread.sleep(wait);
            }
        } catch (InterruptedException e) {
            if (!window.aborted()) {
                throw e;
            }
        } finally {
            close(key, window);
        }
    }

    private Window open(RunCancel key) {
        Window window = new Window(Thread.currentThread());
        inFlight.compute(key, (k, windows) -> {
            Set<Window> open = windows == null ? new HashSet<>() : windows;
            open.add(window);
            return open;
        });
        return window;
    }

    private void close(RunCancel key, Window window) {
        if (window.end()) {
            Thread.interrupted(); // the cancel's interrupt was for the call, not for what this thread does next
        }
        inFlight.computeIfPresent(key, (k, windows) -> {
            windows.remove(window);
            return windows.isEmpty() ? null : windows;
        });
    }

    /** One interruptible stretch of one thread. */
    private static final class Window {
        private final Thread thread;
        private boolean ended;
        private boolean aborted;

        Window(Thread thread) {
            this.thread = thread;
        }

        synchronized void abort() {
            if (!ended) {
                aborted = true;
                thread.interrupt();
            }
        }

        synchronized boolean aborted() {
            return aborted;
        }

        /** Closes the window (no interrupt after this) and says whether the cancel interrupted it. */
        synchronized boolean end() {
            ended = true;
            return aborted;
        }
    }
}
