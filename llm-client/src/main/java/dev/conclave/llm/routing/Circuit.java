package dev.conclave.llm.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * One model's circuit breaker as a value: every change makes a new one, so {@link CircuitBreakers}
 * can swap it atomically and a health check or log line always sees a consistent state.
 *
 * @param state               where the breaker stands
 * @param consecutiveFailures failures since the last success
 * @param openedAt            when it last opened (its latest failure while open or on trial); null when closed
 * @param trialGrantedAt      when the current trial call was handed out; null while none is out
 */
public record Circuit(CircuitState state, int consecutiveFailures, Instant openedAt, Instant trialGrantedAt) {
    static final Circuit CLOSED = new Circuit(CircuitState.CLOSED, 0, null, null);

    /** What a route decides about the model now: may it be tried, and what the breaker becomes. */
    record Admission(Circuit next, boolean admitted) {
    }

    /**
     * Closed: yes. Open: not before {@code openFor} has passed, then once, as the trial. On trial: only
     * if no trial is out, or the one handed out got no verdict within {@code openFor} (a route lists
     * several models and the caller may never reach this one, so an unanswered trial must expire).
     */
    Admission admit(Instant now, Duration openFor) {
        return switch (state) {
            case CLOSED -> new Admission(this, true);
            case OPEN -> now.isBefore(openedAt.plus(openFor)) ? new Admission(this, false)
                    : new Admission(onTrial(now), true);
            case HALF_OPEN -> trialGrantedAt == null || !now.isBefore(trialGrantedAt.plus(openFor))
                    ? new Admission(onTrial(now), true) : new Admission(this, false);
        };
    }

    Circuit succeeded() {
        return state == CircuitState.CLOSED && consecutiveFailures == 0 ? this : CLOSED;
    }

    /** Opens at the threshold; a failure while open or on trial opens it again for a full {@code openFor}. */
    Circuit failed(Instant now, int threshold) {
        int failures = consecutiveFailures + 1;
        if (state == CircuitState.CLOSED && failures < threshold) {
            return new Circuit(CircuitState.CLOSED, failures, null, null);
        }
        return new Circuit(CircuitState.OPEN, failures, now, null);
    }

    /** The provider lists the model again: let one trial through now instead of waiting out {@code openFor}. */
    Circuit listedByProvider() {
        return state == CircuitState.OPEN ? new Circuit(CircuitState.HALF_OPEN, consecutiveFailures, openedAt, null)
                : this;
    }

    boolean isClosed() {
        return state == CircuitState.CLOSED;
    }

    private Circuit onTrial(Instant now) {
        return new Circuit(CircuitState.HALF_OPEN, consecutiveFailures, openedAt, now);
    }
}
