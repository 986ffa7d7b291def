package dev.conclave.llm.routing;

import dev.conclave.llm.ModelRef;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The circuit breakers of this instance, one per model, in memory. Each breaker is an immutable
 * {@link Circuit} behind an {@link AtomicReference}: concurrent callers swap whole states with
 * compare-and-set, so nothing blocks (no monitor to pin a virtual thread) and exactly one caller wins
 * the single trial of a half-open circuit.
 */
final class CircuitBreakers {
    private static final Logger LOG = Logger.getLogger(CircuitBreakers.class);

    private final ConcurrentMap<ModelRef, AtomicReference<Circuit>> circuits = new ConcurrentHashMap<>();
    private final int failureThreshold;
    private final Duration openFor;
    private final InstantSource clock;

    CircuitBreakers(int failureThreshold, Duration openFor, InstantSource clock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a route may include the model now; taking the trial of a half-open circuit is part of the answer. */
    boolean admit(ModelRef model) {
        AtomicReference<Circuit> circuit = circuitOf(model);
        Instant now = clock.instant();
        while (true) {
            Circuit current = circuit.get();
            Circuit.Admission admission = current.admit(now, openFor);
            if (admission.next() == current || circuit.compareAndSet(current, admission.next())) {
                return admission.admitted();
            }
        }
    }

    void succeeded(ModelRef model) {
        Circuit before = change(model, Circuit::succeeded);
        if (!before.isClosed()) {
            LOG.infof("%s answered again: its circuit is closed and routes include it", model);
        }
    }

    void failed(ModelRef model) {
        Instant now = clock.instant();
        Circuit before = change(model, circuit -> circuit.failed(now, failureThreshold));
        if (before.isClosed() && before.consecutiveFailures() + 1 >= failureThreshold) {
            LOG.warnf("%s failed %d times in a row: its circuit is open and routes leave it out for %s"
                    + " (conclave.llm.routing.failure-threshold, conclave.llm.routing.open-for)",
                    model, before.consecutiveFailures() + 1, readable(openFor));
        } else if (before.state() == CircuitState.HALF_OPEN) {
            LOG.infof("%s failed its trial call: its circuit is open again for %s", model, readable(openFor));
        }
    }

    /** The provider's listing shows the model again (a probe): one trial call may go now. */
    void listedByProvider(ModelRef model) {
        Circuit before = change(model, Circuit::listedByProvider);
        if (before.state() == CircuitState.OPEN) {
            LOG.infof("%s is listed by its provider again: one trial call may go through now", model);
        }
    }

    Circuit circuit(ModelRef model) {
        AtomicReference<Circuit> circuit = circuits.get(model);
        return circuit == null ? Circuit.CLOSED : circuit.get();
    }

    /** Every circuit that is not closed, by model name. */
    Map<ModelRef, Circuit> notClosed() {
        Map<ModelRef, Circuit> result = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        circuits.forEach((model, circuit) -> {
            Circuit current = circuit.get();
            if (!current.isClosed()) {
                result.put(model, current);
            }
        });
        return result;
    }

    /** Applies a pure change atomically and returns the state it replaced. */
    private Circuit change(ModelRef model, UnaryOperator<Circuit> change) {
        return circuitOf(model).getAndUpdate(change);
    }

    /** As configuration writes it ({@code 60s}, {@code 500ms}), not ISO-8601's {@code PT1M}. */
    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private AtomicReference<Circuit> circuitOf(ModelRef model) {
        return circuits.computeIfAbsent(model, key -> new AtomicReference<>(Circuit.CLOSED));
    }
}
