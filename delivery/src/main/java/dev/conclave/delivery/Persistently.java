package dev.conclave.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Runs one step of a message's processing until it is done, under {@link DeliveryConfig#stepRetry()}:
 * a step whose dependency is down ({@link FailureKind#TRANSIENT}) is retried with capped exponential
 * backoff for as long as it takes, while {@link DependencyWaits} says what it waits for; a permanent
 * failure is thrown at once; an unexpected one is retried up to {@link DeliveryConfig#unexpectedAttempts()}
 * attempts in all and then thrown as a {@link PermanentFailure}. Only an interrupt (shutdown) ends the waiting early, as an
 * {@link InterruptedStepException}: the message then stays uncommitted and comes again.
 *
 * <p>Use it around a step that must not be lost, such as writing a paid answer or publishing a
 * result, so that a failure there retries that step and never re-does the paid work before it.
 */
@ApplicationScoped
public class Persistently {
    private static final Logger LOG = Logger.getLogger(Persistently.class);

    private final RetryPolicy policy;
    private final DependencyWaits waits;

    public Persistently(DeliveryConfig config, DependencyWaits waits) {
        this.policy = config.stepRetry();
        this.waits = waits;
    }

    /** Runs {@code step} until it returns; {@code what} names it in logs ("writing the metrics row of …"). */
    public <T> T call(String what, Callable<T> step) {
        Backoff backoff = policy.backoff();
        String waitingFor = null;
        int unexpected = 0;
        try {
            for (int retry = 0; ; retry++) {
                try {
                    T value = step.call();
                    if (waitingFor != null) {
                        LOG.infof("%s succeeded after %d retries: %s is back", what, retry, waitingFor);
                    }
                    return value;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedStepException(what, e);
                } catch (Exception e) {
                    InterruptedException interrupted = interruption(e);
                    if (interrupted != null) {
                        // Shutdown interrupted the step inside a library that wrapped it: not a failure to retry.
                        Thread.currentThread().interrupt();
                        throw new InterruptedStepException(what, interrupted);
                    }
                    RetryPolicy.Verdict verdict = policy.retryable().judge(e);
                    if (verdict == RetryPolicy.Verdict.STOP) {
                        throw e instanceof RuntimeException runtime ? runtime : new PermanentFailure(message(e), e);
                    }
                    if (verdict == RetryPolicy.Verdict.AGAIN && !policy.mayTryAgain(++unexpected)) {
                        throw new PermanentFailure("unexpected failure after " + unexpected + " attempts at " + what
                                + ": " + message(e), e);
                    }
                    String dependency = verdict == RetryPolicy.Verdict.UNTIL_BACK ? Failures.dependency(e) : "unknown";
                    if (waitingFor == null) {
                        waitingFor = dependency;
                        waits.started(dependency, message(e));
                        LOG.warnf("%s failed, retrying until %s is back: %s", what, dependency, message(e));
                    } else {
                        waits.failedAgain(waitingFor, message(e));
                    }
                    Thread.sleep(backoff.delay(retry, null).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedStepException(what, e);
        } finally {
            if (waitingFor != null) {
                waits.stopped(waitingFor);
            }
        }
    }

    /** {@link #call} for a step without a result. */
    public void run(String what, Runnable step) {
        call(what, () -> {
            step.run();
            return null;
        });
    }

    /** The interrupt behind a failure, when the thread was interrupted or a cause says so; else null. */
    private static InterruptedException interruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException interrupted) {
                return interrupted;
            }
        }
        return Thread.currentThread().isInterrupted() ? new InterruptedException("interrupted: " + failure) : null;
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e || root.getMessage() == null ? top : top + " (" + root.getMessage() + ")";
    }

    /** A step given up because its thread was interrupted (shutdown): its message must come again. */
    public static final class InterruptedStepException extends RuntimeException {
        InterruptedStepException(String what, InterruptedException cause) {
            super("interrupted while " + what, cause);
        }
    }
}
