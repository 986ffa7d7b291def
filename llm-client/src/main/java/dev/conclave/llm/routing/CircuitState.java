package dev.conclave.llm.routing;

/**
 * Where a model's circuit breaker stands. The names are the usual ones, so an operator reading the
 * health check or a log line knows the behaviour without reading this code.
 */
public enum CircuitState {
    /** Healthy as far as this instance knows: routes include the model. */
    CLOSED,
    /** Failed {@code routing.failure-threshold} times in a row: left out of routes for {@code routing.open-for}. */
    OPEN,
    /** On trial: one call may go through; its success closes the circuit, its failure opens it again. */
    HALF_OPEN
}
