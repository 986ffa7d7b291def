package dev.conclave.aggregator.service;

import dev.conclave.aggregator.messaging.AggregatorConsumersConfig;
import dev.conclave.aggregator.metrics.AggregatorMetrics;
import dev.conclave.aggregator.service.FanIn.Claim;
import dev.conclave.delivery.PermanentFailure;
import dev.conclave.delivery.Persistently;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.model.PanelRoles;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The aggregator's flow: open a run when its request arrives, record each role result, and
 * close a run once all its roles arrived (or, from {@link DeadlineSweeper}, once its deadline
 * passed): synthesise under a renewed lease, store the outcome until it is stored, then announce it
 * on {@code scan.completed} through the {@link CompletionOutbox}.
 *
 * <p>{@link #onRequest} and {@link #onRoleResult} are what the consumers call for each record:
 * they throw {@link PermanentFailure} for a record that can never be processed (it is dead-lettered);
 * anything else they throw is worth retrying (the record comes again).
 *
 * <p>A record that completes its run returns once the run is claimed: the synthesis and the close run
 * on a thread of their own, at most {@code conclave.aggregator.consumers.synthesis-concurrency}
 * syntheses at once (a record that claims a run waits for a free place: backpressure; the place is
 * free again once the synthesis has its outcome, before the outcome is written and announced). The claim in PostgreSQL is what
 * makes it safe to commit the record before the synthesis ends: its lease is renewed while the close
 * runs, failed steps are retried under {@link Persistently}; if the process dies, the lease expires and
 * the {@link DeadlineSweeper} of any instance takes the run over; at shutdown, a close still running
 * after {@link #SHUTDOWN_WAIT} hands its claim over at once the same way. So a slow synthesis (a real
 * model: seconds) no longer holds a place of the results consumer while other runs' results wait.
 */
@ApplicationScoped
public class RunCloser {
    private static final Logger LOG = Logger.getLogger(RunCloser.class);
    /** How long the shutdown waits for runs being closed before it hands their claims over. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    /** How long the shutdown then waits for the interrupted ones to hand their claims over. */
    static final Duration HAND_OVER_WAIT = Duration.ofSeconds(5);

    private final FanIn fanIn;
    private final Synthesis synthesis;
    private final LeaseHeartbeat heartbeat;
    private final CompletionOutbox completions;
    private final Persistently persistently;
    private final ProgressReporter progress;
    private final PanelRoles panel;
    private final AggregatorMetrics metrics;
    private final Semaphore closing;
    private final Set<Thread> closers = ConcurrentHashMap.newKeySet();

    public RunCloser(FanIn fanIn, Synthesis synthesis, LeaseHeartbeat heartbeat, CompletionOutbox completions,
            Persistently persistently, ProgressReporter progress, PanelRoles panel,
            AggregatorConsumersConfig consumers, AggregatorMetrics metrics) {
        this.metrics = metrics;
        this.fanIn = fanIn;
        this.synthesis = synthesis;
        this.heartbeat = heartbeat;
        this.completions = completions;
        this.persistently = persistently;
        this.progress = progress;
        this.panel = panel;
        this.closing = new Semaphore(consumers.synthesisConcurrency(), true);
    }

    /**
     * Opens the request's run with the results it carries over from earlier runs, and closes it at once
     * if its results all came first (or all are carried: a re-synthesis). A request for a run already
     * open or closed changes nothing.
     *
     * @throws PermanentFailure if it names no role or a role that is not known
     */
    public void onRequest(ScanRequest request) {
        onRequest(request, WireJson.encode(request));
    }

    /** {@link #onRequest(ScanRequest)} of a request as it came, {@code json} being its text. */
    public void onRequest(ScanRequest request, String json) {
        if (request.expectedRoles().isEmpty()) {
            throw new PermanentFailure("scan request for scan " + request.scanId() + " run " + request.run()
                    + " names no role; known roles: " + panel.names());
        }
        for (String role : request.expectedRoles()) {
            if (!panel.isSpecialist(role)) {
                throw new PermanentFailure("scan request for scan " + request.scanId() + " run " + request.run()
                        + " asks for role '" + role + "', which is not a role of the panel " + panel.names()
                        + " (" + panel.setting() + "): the run could never complete; the panel is one setting"
                        + " every service reads, so the gateway and the aggregator must run with the same one");
            }
        }
        fanIn.openAndClaim(request, json).ifPresent(this::closeInBackground);
    }

    /**
     * Records a role's result and closes its run if that was the last one missing. A result for a
     * closed run is skipped; one for a run whose request has not arrived yet is kept for it.
     *
     * @throws PermanentFailure if the scan does not exist or the run was never requested
     */
    public void onRoleResult(RoleResult result) {
        fanIn.recordAndClaim(result).ifPresent(this::closeInBackground);
    }

    /**
     * Starts closing a claimed run on a thread of its own once fewer than the synthesis concurrency are
     * closing; waits for that. Interrupted while waiting (shutdown): hands the claim over and throws, so
     * the record comes again (and finds the run taken over, or closed).
     */
    private void closeInBackground(Claim claim) {
        try {
            persistently.call("waiting to synthesise scan " + claim.request().scanId() + " run " + claim.request().run(),
                    () -> {
                        closing.acquire();
                        return null;
                    });
        } catch (Persistently.InterruptedStepException e) {
            Thread.interrupted(); // the hand-over is a statement of its own: JDBC must not see the interrupt
            handOverQuietly(claim);
            Thread.currentThread().interrupt();
            throw e;
        }
        try {
            Thread.ofVirtual().name("close-" + claim.request().scanId() + "-" + claim.request().run()).start(() -> {
                closers.add(Thread.currentThread());
                AtomicBoolean released = new AtomicBoolean();
                Runnable release = () -> {
                    if (released.compareAndSet(false, true)) {
                        closing.release();
                    }
                };
                try {
                    closeUntilDone(claim, release);
                } finally {
                    closers.remove(Thread.currentThread());
                    release.run();
                }
            });
        } catch (RuntimeException e) {
            closing.release();
            throw e;
        }
    }

    /**
     * Closes a claimed run, retrying its steps for as long as a dependency is down; gives the claim back
     * when a step fails for good (the run then closes at its deadline) and hands it over at shutdown.
     * {@code synthesised} runs once the synthesis has its outcome: the place it frees bounds the model
     * calls, while writing the outcome and announcing it need none.
     */
    private void closeUntilDone(Claim claim, Runnable synthesised) {
        String run = "scan " + claim.request().scanId() + " run " + claim.request().run();
        try {
            close(claim, () -> {
                RunOutcome outcome = persistently.call("synthesising " + run, () -> synthesis.synthesise(claim));
                synthesised.run();
                return outcome;
            });
        } catch (Persistently.InterruptedStepException e) {
            Thread.interrupted(); // the hand-over is a statement of its own: JDBC must not see the interrupt
            LOG.infof("closing %s was interrupted by the shutdown; its claim is handed over", run);
            handOverQuietly(claim);
        } catch (RuntimeException e) {
            LOG.errorf(e, "closing %s failed; its claim is given back, and the run closes at its deadline", run);
            releaseQuietly(claim, run);
        }
    }

    /**
     * Waits up to {@link #SHUTDOWN_WAIT} for the runs being closed, then interrupts the rest and waits up to
     * {@link #HAND_OVER_WAIT} more for them to hand their claims over, before the connection pool closes.
     */
    void stop(@Observes ShutdownEvent event) {
        try {
            awaitClosers(SHUTDOWN_WAIT);
            List<Thread> late = List.copyOf(closers);
            late.forEach(Thread::interrupt);
            awaitClosers(HAND_OVER_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closers.forEach(Thread::interrupt);
        }
    }

    private void awaitClosers(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread closer : List.copyOf(closers)) {
            closer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    /**
     * Closes overdue runs, each on its own virtual thread so that none waits for another's
     * synthesis with a lease that nobody renews; returns how many were claimed.
     */
    public int closeOverdue() {
        List<Claim> claims = fanIn.claimOverdue();
        AtomicInteger failed = new AtomicInteger();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Claim claim : claims) {
                threads.submit(() -> {
                    try {
                        close(claim);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        LOG.warnf("closing overdue scan %s run %d failed, the next sweep tries again: %s",
                                claim.request().scanId(), claim.request().run(), e.getMessage());
                    }
                });
            }
        }
        return claims.size() - failed.get();
    }

    /** Closes an overdue run on this thread; a synthesis that fails gives the claim back (the next sweep tries again). */
    private void close(Claim claim) {
        String run = "scan " + claim.request().scanId() + " run " + claim.request().run();
        close(claim, () -> {
            try {
                return synthesis.synthesise(claim);
            } catch (RuntimeException e) {
                // Synthesis throws only before it has an answer (a dependency is down): nothing paid is lost.
                releaseQuietly(claim, run);
                throw e;
            }
        });
    }

    private void close(Claim claim, Supplier<RunOutcome> synthesised) {
        ScanRequest request = claim.request();
        String run = "scan " + request.scanId() + " run " + request.run();
        progress.report(request.scanId(), request.run(), Synthesis.AGGREGATOR_ROLE, ProgressStage.SYNTHESIZING, null, null);
        RunOutcome outcome;
        boolean closed;
        try (LeaseHeartbeat.Beat beat = heartbeat.start(claim)) {
            outcome = synthesised.get();
            // The synthesis is paid for: its outcome is written, however long PostgreSQL takes to come back.
            closed = persistently.call("writing the outcome of " + run, () -> fanIn.close(claim, outcome));
        }
        if (!closed) {
            LOG.warnf("%s was closed by another instance that took over its expired claim", run);
            return;
        }
        metrics.runClosed(outcome.status(), request.origin(), request.requestedAt(), outcome.completedAt());
        try {
            completions.publish(request.scanId(), request.run());
        } catch (RuntimeException e) {
            LOG.warnf("completion of %s not published yet, the completion relay will: %s", run, e.getMessage());
        }
        progress.report(request.scanId(), request.run(), Synthesis.AGGREGATOR_ROLE, ProgressStage.CLOSED, null,
                outcome.status().name());
    }

    private void handOverQuietly(Claim claim) {
        try {
            fanIn.handOver(claim);
        } catch (RuntimeException e) {
            LOG.warnf("could not hand the claim of scan %s run %d over; it expires after the synthesis lease: %s",
                    claim.request().scanId(), claim.request().run(), e.getMessage());
        }
    }

    private void releaseQuietly(Claim claim, String run) {
        try {
            fanIn.release(claim);
        } catch (RuntimeException e) {
            LOG.warnf("could not give back the claim of %s; it expires after the synthesis lease: %s", run, e.getMessage());
        }
    }
}
