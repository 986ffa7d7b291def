package dev.conclave.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dependencies this process is waiting for right now, and since when: readiness reports them
 * ({@link DependencyReadiness}), and consumers pause fetching new work while any is waited for.
 */
@ApplicationScoped
public class DependencyWaits {

    /** One dependency being waited for: since when, by how many steps, and the last failure seen. */
    public record Waiting(Instant since, int steps, String lastFailure) {
    }

    private static final class Entry {
        final Instant since = Instant.now();
        final AtomicInteger steps = new AtomicInteger();
        volatile String lastFailure;
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A step starts waiting for {@code dependency}; pair with {@link #stopped}. */
    void started(String dependency, String failure) {
        Entry entry = entries.compute(dependency, (name, existing) -> existing == null ? new Entry() : existing);
        entry.steps.incrementAndGet();
        entry.lastFailure = failure;
    }

    /** The step's latest failure while still waiting. */
    void failedAgain(String dependency, String failure) {
        Entry entry = entries.get(dependency);
        if (entry != null) {
            entry.lastFailure = failure;
        }
    }

    /** A step stopped waiting (it succeeded, gave up, or was interrupted). */
    void stopped(String dependency) {
        entries.computeIfPresent(dependency, (name, entry) -> entry.steps.decrementAndGet() <= 0 ? null : entry);
    }

    /** True while any step waits for a dependency. */
    public boolean any() {
        return !entries.isEmpty();
    }

    /** What is waited for now, by dependency name. */
    public Map<String, Waiting> now() {
        Map<String, Waiting> now = new TreeMap<>();
        entries.forEach((name, entry) -> now.put(name, new Waiting(entry.since, entry.steps.get(), entry.lastFailure)));
        return now;
    }
}
