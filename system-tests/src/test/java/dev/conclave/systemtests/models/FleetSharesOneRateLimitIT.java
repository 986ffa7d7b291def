package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.systemtests.Projects;
import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import dev.conclave.systemtests.fleet.Database.ModelCallRow;
import dev.conclave.systemtests.fleet.FakeOpenRouter;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three analysis-worker JVMs (and the aggregator) share one OpenRouter key limited to 8 requests per
 * second, burst 1. Under a backlog the provider sees, in no sliding second, more than limit + burst
 * calls start, and the fleet uses at least 95 % of what the limit allows.
 */
@SystemTest(panel = Panel.OPENROUTER)
class FleetSharesOneRateLimitIT {
    private static final int LIMIT = 8;
    private static final int BURST = 1;
    private static final int SCANS = 20;

    private final Fleet fleet;

    FleetSharesOneRateLimitIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void noSlidingSecondExceedsTheLimitAndTheLimitIsUsed() {
        // Fresh JVMs open their first connections and compile their first calls slowly, so early calls
        // reach the provider late and bunched; warmed up, arrivals follow the starts within milliseconds.
        scanAll(ScanBody.uniqueName("warm-up"), 6);
        String tag = ScanBody.uniqueName("limit");
        List<Accepted> scans = scanAll(tag, SCANS);

        List<Instant> arrivals = fleet.openRouter().completionsMentioning(tag).stream()
                .map(FakeOpenRouter::arrival).sorted().toList();
        assertEquals(SCANS * 4, arrivals.size(), "one call per role and scan");
        int busiest = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            Instant windowEnd = arrivals.get(i).plusMillis(1_000);
            int j = i;
            while (j < arrivals.size() && arrivals.get(j).isBefore(windowEnd)) {
                j++;
            }
            busiest = Math.max(busiest, j - i);
        }
        double seconds = Duration.between(arrivals.getFirst(), arrivals.getLast()).toMillis() / 1000.0;
        double allowed = BURST + 1 + LIMIT * seconds;
        double utilisation = arrivals.size() / allowed;
        Set<String> instances = scans.stream()
                .flatMap(scan -> fleet.database().modelCalls(scan.scanId(), scan.run()).stream())
                .filter(row -> !row.role().equals("aggregator")).map(ModelCallRow::workerInstance)
                .collect(Collectors.toSet());
        System.out.printf("[fleet-limit] %d calls from %s in %.2f s; busiest sliding second %d (limit %d + burst %d);"
                + " utilisation %.3f%n", arrivals.size(), instances, seconds, busiest, LIMIT, BURST, utilisation);

        assertEquals(3, instances.size(), "all three worker JVMs made calls: " + instances);
        assertTrue(busiest <= LIMIT + BURST, "a sliding second held " + busiest + " calls");
        assertTrue(utilisation >= 0.95, "utilisation " + utilisation);
    }

    private List<Accepted> scanAll(String tag, int count) {
        List<Accepted> scans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            scans.add(fleet.scanApi().submit(ScanBody.of(tag + "-" + i, Projects.helloScript()).json()));
        }
        for (Accepted scan : scans) {
            assertEquals("COMPLETED", fleet.scanApi().awaitFinished(scan.scanId(), Duration.ofSeconds(90))
                    .path("status").asText());
        }
        return scans;
    }
}
