package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three analysis-worker JVMs (and the aggregator) share one OpenRouter key limited to 8 requests per
 * second, burst 1. Under a backlog the fleet's limiter grants, in no sliding second, more than
 * limit + burst calls, and the fleet uses at least 80 % of what the limit allows.
 *
 * <p>The grant times are what the limiter decides, so they are what is asserted: each attempt's
 * {@code model_call.granted_at}, Redis' own clock inside the script that granted it. The times the
 * workers started the calls and the arrivals at the provider are printed as figures only: a call
 * granted 125 ms after another can start, or arrive, within a few ms of it when its JVM was
 * descheduled or collecting garbage in between (on a 2-core machine running five JVMs that
 * happens), so they can bunch to limit + burst + 1 in a second although the limiter granted
 * nothing early. That is what failed this test before: it read {@code started_at}.
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
        // Fresh JVMs open their first connections and compile their first calls slowly; warm them up first.
        scanAll(ScanBody.uniqueName("warm-up"), 6);
        String tag = ScanBody.uniqueName("limit");
        List<Accepted> scans = scanAll(tag, SCANS);

        Map<String, String> scanNames = new HashMap<>();
        List<ModelCallRow> calls = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            for (ModelCallRow row : fleet.database().modelCalls(scans.get(i).scanId(), scans.get(i).run())) {
                calls.add(row);
                scanNames.put(Long.toString(row.id()), tag + "-" + i);
            }
        }
        List<Instant> granted = calls.stream().map(ModelCallRow::grantedAt).sorted().toList();
        List<Instant> started = calls.stream().map(ModelCallRow::startedAt).sorted().toList();
        List<ServeEvent> served = fleet.openRouter().completionsMentioning(tag);
        List<Instant> arrivals = served.stream().map(FakeOpenRouter::arrival).sorted().toList();

        int busiestGranted = busiestSecond(granted);
        int busiestStarted = busiestSecond(started);
        int busiestArrived = busiestSecond(arrivals);
        double seconds = Duration.between(granted.getFirst(), granted.getLast()).toMillis() / 1000.0;
        double utilisation = granted.size() / (BURST + 1 + LIMIT * seconds);
        Map<String, Long> modes = calls.stream().collect(Collectors.groupingBy(
                row -> String.valueOf(row.rateLimitMode()), Collectors.counting()));
        Set<String> instances = calls.stream().filter(row -> !row.role().equals("aggregator"))
                .map(ModelCallRow::workerInstance).collect(Collectors.toSet());
        List<Long> lags = lagsFromGrantToArrival(calls, scanNames, served, tag);
        System.out.printf("[fleet-limit] %d calls from %s in %.2f s (modes %s); busiest sliding second: %d granted,"
                        + " %d started by the workers, %d arrived at the provider (limit %d + burst %d); utilisation %.3f;"
                        + " grant-to-arrival lag median %d ms, max %d ms%n",
                granted.size(), instances, seconds, modes, busiestGranted, busiestStarted, busiestArrived, LIMIT, BURST, utilisation,
                lags.isEmpty() ? -1 : lags.get(lags.size() / 2), lags.isEmpty() ? -1 : lags.getLast());

        assertEquals(SCANS * 4, calls.size(), "one call per role and scan (the aggregator's synthesis included)");
        assertEquals(SCANS * 4, arrivals.size(), "each call reached the provider once");
        assertEquals(3, instances.size(), "all three worker JVMs made calls: " + instances);
        assertEquals(Map.of("FLEET", (long) calls.size()), modes,
                "every permit came from the fleet bucket in Redis (Redis was up all along)");
        assertTrue(busiestGranted <= LIMIT + BURST, "the limiter granted " + busiestGranted + " calls in one sliding"
                + " second; at most " + (LIMIT + BURST) + " allowed");
        // A limiter that under-grants (a local share of a third, a bucket left paused) shows far below this;
        // the workers' own demand on two shared cores keeps a correct one between ~0.88 and ~0.99.
        assertTrue(utilisation >= 0.8, "utilisation " + utilisation);
    }

    /** The most instants in any half-open window of one second. */
    private static int busiestSecond(List<Instant> sorted) {
        int busiest = 0;
        int j = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Instant windowEnd = sorted.get(i).plusMillis(1_000);
            j = Math.max(j, i);
            while (j < sorted.size() && sorted.get(j).isBefore(windowEnd)) {
                j++;
            }
            busiest = Math.max(busiest, j - i);
        }
        return busiest;
    }

    /** For each call, ms from its grant to its arrival at the fake provider (matched by scan name and model), sorted. */
    private static List<Long> lagsFromGrantToArrival(List<ModelCallRow> calls, Map<String, String> scanNames,
            List<ServeEvent> served, String tag) {
        Pattern name = Pattern.compile(Pattern.quote(tag) + "-\\d+");
        Pattern model = Pattern.compile("\"model\"\\s*:\\s*\"conclave-test/([a-z]+)\"");
        Map<String, Instant> arrivalByCall = new HashMap<>();
        for (ServeEvent event : served) {
            String body = event.getRequest().getBodyAsString();
            Matcher n = name.matcher(body);
            Matcher m = model.matcher(body);
            if (n.find() && m.find()) {
                arrivalByCall.putIfAbsent(n.group() + "/" + m.group(1), FakeOpenRouter.arrival(event));
            }
        }
        List<Long> lags = new ArrayList<>();
        for (ModelCallRow row : calls) {
            Instant arrival = arrivalByCall.get(scanNames.get(Long.toString(row.id())) + "/" + row.role());
            if (arrival != null) {
                lags.add(Duration.between(row.grantedAt(), arrival).toMillis());
            }
        }
        lags.sort(null);
        return lags;
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
