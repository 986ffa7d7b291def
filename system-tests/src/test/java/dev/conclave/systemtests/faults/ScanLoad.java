package dev.conclave.systemtests.faults;

import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import dev.conclave.systemtests.fleet.ScanApi.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * A run of small scans submitted through the gateway in the background by a bounded number of
 * submitters at a steady pace, so a fault can be injected while scans are in every stage. Every
 * scan is a different tiny project (no response-cache hits hide a repeated call). It records
 * which submissions were accepted (202: those must all finish) and what the others got.
 */
final class ScanLoad implements AutoCloseable {
    private final String tag;
    private final int scans;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final List<String> refusalSamples = new CopyOnWriteArrayList<>();
    private final AtomicInteger done = new AtomicInteger();
    private final ExecutorService submitters;

    private ScanLoad(String tag, int scans, int submitters) {
        this.tag = tag;
        this.scans = scans;
        this.submitters = Executors.newFixedThreadPool(submitters, runnable -> {
            Thread thread = new Thread(runnable, "scan-load-" + tag);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts submitting {@code scans} scans with {@code submitters} concurrent clients, one scan every
     * {@code interval} overall (the clients share the schedule), each with {@code deadlineSeconds}.
     */
    static ScanLoad start(Fleet fleet, String prefix, int scans, int submitters, Duration interval, int deadlineSeconds) {
        ScanLoad load = new ScanLoad(ScanBody.uniqueName(prefix), scans, submitters);
        Instant start = Instant.now();
        AtomicInteger next = new AtomicInteger();
        for (int s = 0; s < submitters; s++) {
            load.submitters.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < scans) {
                    sleepUntil(start.plus(interval.multipliedBy(i)));
                    Submission answer = fleet.scanApi().trySubmit(ScanBody.of(load.tag + "-" + i, project(load.tag, i))
                            .deadlineSeconds(deadlineSeconds).json());
                    if (answer.isAccepted()) {
                        load.accepted.add(answer.accepted());
                    } else {
                        load.refusals.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
                        if (load.refusalSamples.size() < 3) {
                            load.refusalSamples.add(answer.status() + " " + answer.body());
                        }
                    }
                    load.done.incrementAndGet();
                }
            });
        }
        load.submitters.shutdown();
        return load;
    }

    /** The smallest project that still makes every role think, unique per scan so no answer comes from the cache. */
    private static Map<String, String> project(String tag, int i) {
        return Map.of(
                "README.md", "# " + tag + "-" + i + "\n\nPrints greeting number " + i + ".\n\n## Usage\n\n`python hello.py`\n",
                "hello.py", "print('hello " + i + " from " + tag + "')\n");
    }

    String tag() {
        return tag;
    }

    /** Waits until at least {@code count} submissions were answered 202. */
    void awaitAccepted(int count, Duration within) {
        Awaitility.await(count + " scans of " + tag + " accepted").atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> accepted.size() >= count || done.get() >= scans);
    }

    /** Waits until every submission has been answered (or refused); returns the accepted scans. */
    List<Accepted> awaitAllSubmitted(Duration within) {
        try {
            if (!submitters.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the " + scans + " submissions of " + tag + " did not finish within "
                        + within.toSeconds() + " s; " + done.get() + " answered");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return List.copyOf(accepted);
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** Submissions not answered 202, e.g. {@code {503=4, 0=1}} (0: no answer), with samples. */
    String refusals() {
        if (refusals.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        refusals.forEach((status, count) -> parts.add((status == 0 ? "no answer" : status.toString()) + " x" + count));
        return String.join(", ", parts) + " " + refusalSamples;
    }

    int refusedCount() {
        return refusals.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        submitters.shutdownNow();
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
