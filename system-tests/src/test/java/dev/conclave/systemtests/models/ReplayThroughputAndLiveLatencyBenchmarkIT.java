package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.systemtests.Projects;
import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ReplayApi;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, printed as {@code [replay-bench]} lines for docs/benchmarks.md: a bulk replay's throughput
 * when the cache answers its calls (runs per second), and live scans' latency (submitted to completed,
 * p50 and p95) alone and while a replay that calls the provider for everything runs at a 20 % share of
 * the fleet's limit (8 requests/s for the fake OpenRouter panel). It asserts only that everything completed.
 */
@SystemTest(panel = Panel.OPENROUTER)
class ReplayThroughputAndLiveLatencyBenchmarkIT {
    private static final int REPLAYED = 20;
    private static final int LIVE = 10;
    private static final Duration LIVE_EVERY = Duration.ofMillis(700);

    private final Fleet fleet;
    private final ReplayApi replays;

    ReplayThroughputAndLiveLatencyBenchmarkIT(Fleet fleet) {
        this.fleet = fleet;
        this.replays = new ReplayApi(fleet.scanApi());
    }

    @Test
    void replayThroughputAndLiveLatency() throws Exception {
        String prefix = ScanBody.uniqueName("replay-bench");
        List<UUID> seeded = new ArrayList<>();
        for (int i = 0; i < REPLAYED; i++) {
            seeded.add(fleet.scanApi().submit(ScanBody.of(prefix + "-" + i, Projects.flaskTodoService()).json()).scanId());
        }
        for (UUID scan : seeded) {
            assertEquals("COMPLETED", fleet.scanApi().awaitFinished(scan, Duration.ofSeconds(180)).path("status").asText());
        }
        String filter = "\"filter\": {\"namePattern\": \"" + prefix + "-*\", \"limit\": " + REPLAYED + "}";

        List<Long> alone = liveLatencies("alone");

        JsonNode cached = replays.awaitEnded(replays.start("{" + filter + ", \"share\": 0.2, \"maxInFlight\": 20}")
                .path("id").asText(), Duration.ofSeconds(180));
        double seconds = Duration.between(Instant.parse(cached.path("createdAt").asText()),
                Instant.parse(cached.path("finishedAt").asText())).toMillis() / 1000.0;
        System.out.printf("[replay-bench] cache hits: %d runs replayed in %.1f s (created to completed): %.2f runs/s%n",
                cached.path("progress").path("completed").asInt(), seconds, REPLAYED / seconds);
        assertEquals(REPLAYED, cached.path("progress").path("completed").asInt(), cached::toPrettyString);

        String busy = replays.start("{" + filter + ", \"bypassCache\": true, \"share\": 0.2, \"maxInFlight\": 20}")
                .path("id").asText();
        List<Long> during = liveLatencies("during a 20 % replay");
        JsonNode uncached = replays.awaitEnded(busy, Duration.ofSeconds(300));
        double busySeconds = Duration.between(Instant.parse(uncached.path("createdAt").asText()),
                Instant.parse(uncached.path("finishedAt").asText())).toMillis() / 1000.0;
        System.out.printf("[replay-bench] provider calls at a 20 %% share: %d runs (%d calls) in %.1f s: %.2f calls/s "
                + "(share of 8/s: 1.6/s)%n", REPLAYED, REPLAYED * 4, busySeconds, REPLAYED * 4 / busySeconds);
        assertEquals(REPLAYED, uncached.path("progress").path("completed").asInt(), uncached::toPrettyString);
        System.out.printf("[replay-bench] live latency p50 %d ms / p95 %d ms alone, p50 %d ms / p95 %d ms during the "
                + "replay%n", percentile(alone, 50), percentile(alone, 95), percentile(during, 50), percentile(during, 95));
    }

    /** Submits LIVE scans of new projects (no cached answer), one every LIVE_EVERY, and measures each to completion. */
    private List<Long> liveLatencies(String label) throws Exception {
        String prefix = ScanBody.uniqueName("live");
        List<Future<Long>> latencies = new ArrayList<>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < LIVE; i++) {
                String name = prefix + "-" + i;
                latencies.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    Accepted accepted = fleet.scanApi().submit(ScanBody.of(name, Projects.flaskTodoService()).json());
                    JsonNode done = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(180));
                    assertEquals("COMPLETED", done.path("status").asText());
                    return (System.nanoTime() - start) / 1_000_000;
                }));
                Thread.sleep(LIVE_EVERY.toMillis());
            }
        }
        List<Long> sorted = new ArrayList<>();
        for (Future<Long> latency : latencies) {
            sorted.add(latency.get());
        }
        sorted.sort(null);
        System.out.printf("[replay-bench] live scans %s: %s ms%n", label, sorted);
        return sorted;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
