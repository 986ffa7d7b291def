package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.systemtests.Projects;
import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import dev.conclave.systemtests.fleet.Database.ModelCallRow;
import dev.conclave.systemtests.fleet.FakeOpenRouter;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ReplayApi;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bulk replay's dry run against what the replay then does, counted by the fake provider: six scans
 * answered by (fake) OpenRouter are replayed twice. Without bypassCache the dry run says the cache
 * answers every call, and the replay reaches the provider 0 times; with bypassCache it says 24 provider
 * calls and what they cost, and the replay's calls and cost are within 5 % of that. The replay's calls
 * took the job's share of the rate limit, and every scan got one new run per job.
 */
@SystemTest(panel = Panel.OPENROUTER)
class BulkDryRunMatchesTheRealReplayIT {
    private static final int SCANS = 6;
    private static final List<String> ROLES = List.of("architect", "deployment", "business", "aggregator");

    private final Fleet fleet;
    private final ReplayApi replays;

    BulkDryRunMatchesTheRealReplayIT(Fleet fleet) {
        this.fleet = fleet;
        this.replays = new ReplayApi(fleet.scanApi());
    }

    @Test
    void dryRunCountsAndCostMatchTheReplay() {
        String prefix = ScanBody.uniqueName("replay-dry");
        List<UUID> scans = new ArrayList<>();
        for (int i = 0; i < SCANS; i++) {
            Accepted accepted = fleet.scanApi().submit(ScanBody.of(prefix + "-" + i, Projects.flaskTodoService()).json());
            scans.add(accepted.scanId());
        }
        for (UUID scan : scans) {
            assertEquals("COMPLETED", fleet.scanApi().awaitFinished(scan, Duration.ofSeconds(90)).path("status").asText());
        }
        String filter = "\"filter\": {\"namePattern\": \"" + prefix + "-*\", \"status\": [\"COMPLETED\"]}";

        JsonNode cached = replays.dryRun("{" + filter + ", \"dryRun\": true}");
        assertEquals(SCANS, cached.path("scans").asInt(), cached::toPrettyString);
        assertEquals(SCANS * 4, cached.path("calls").asInt(), cached::toPrettyString);
        assertEquals(SCANS * 4, cached.path("cacheAnswers").asInt(), cached::toPrettyString);
        assertEquals(0, cached.path("providerCalls").asInt(), cached::toPrettyString);
        int before = fleet.openRouter().completionsMentioning(prefix).size();
        JsonNode first = replays.awaitEnded(replays.start("{" + filter + "}").path("id").asText(), Duration.ofSeconds(120));
        assertEquals(SCANS, first.path("progress").path("completed").asInt(), first::toPrettyString);
        assertEquals(before, fleet.openRouter().completionsMentioning(prefix).size(), "the cache answered every call");

        JsonNode estimate = replays.dryRun("{" + filter + ", \"bypassCache\": true, \"dryRun\": true}");
        int expectedCalls = estimate.path("providerCalls").asInt();
        BigDecimal expectedCost = estimate.path("estimatedCostUsd").decimalValue();
        assertEquals(SCANS * 4, expectedCalls, estimate::toPrettyString);
        before = fleet.openRouter().completionsMentioning(prefix).size();
        JsonNode job = replays.start("{" + filter + ", \"bypassCache\": true, \"share\": 0.5}");
        JsonNode second = replays.awaitEnded(job.path("id").asText(), Duration.ofSeconds(180));

        int providerCalls = fleet.openRouter().completionsMentioning(prefix).size() - before;
        BigDecimal cost = BigDecimal.ZERO;
        List<String> modes = new ArrayList<>();
        for (UUID scan : scans) {
            JsonNode current = fleet.scanApi().scan(scan);
            assertEquals(3, current.path("run").asInt(), "one new run per job: " + current.path("run"));
            for (ModelCallRow row : fleet.database().modelCalls(scan, 3)) {
                cost = cost.add(row.costUsd() == null ? BigDecimal.ZERO : row.costUsd());
                modes.add(row.rateLimitMode());
            }
        }
        BigDecimal perRun = ROLES.stream().map(FakeOpenRouter::costOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        System.out.printf("[replay-dry-run] %d scans: estimated %d provider calls, USD %s; the replay made %d calls, "
                + "USD %s (the provider's price per run USD %s)%n", SCANS, expectedCalls, expectedCost, providerCalls, cost,
                perRun);
        assertEquals(SCANS, second.path("progress").path("completed").asInt(), second::toPrettyString);
        assertTrue(Math.abs(providerCalls - expectedCalls) <= expectedCalls * 0.05, "estimated " + expectedCalls
                + " provider calls, the replay made " + providerCalls);
        assertTrue(cost.subtract(expectedCost).abs().compareTo(expectedCost.multiply(new BigDecimal("0.05"))) <= 0,
                "estimated USD " + expectedCost + ", the replay cost USD " + cost);
        assertTrue(modes.stream().allMatch("FLEET+REPLAY_SHARE"::equals), "replay calls take the job's share: " + modes);
    }
}
