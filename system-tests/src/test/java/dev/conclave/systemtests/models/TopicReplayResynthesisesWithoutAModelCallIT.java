package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import dev.conclave.systemtests.Projects;
import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import dev.conclave.systemtests.fleet.Database.ModelCallRow;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ReplayApi;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a change to synthesis (here: the aggregator redeployed with another
 * {@code conclave.aggregation.synthesis-revision}), a topic replay of {@code scan.results} over the
 * scans' time range makes each of them a run 2 synthesised from run 1's stored role results: the new
 * reports name the new revision, run 1 stays as it was, and the provider is not called once (the
 * synthesis answer comes from the cache, the roles are carried).
 */
@SystemTest(panel = Panel.OPENROUTER)
class TopicReplayResynthesisesWithoutAModelCallIT {
    private static final int SCANS = 5;

    private final Fleet fleet;

    TopicReplayResynthesisesWithoutAModelCallIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void replayOfTheResultsTopicResynthesisesEveryRunWithZeroProviderCalls() {
        Instant from = Instant.now();
        List<UUID> scans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < SCANS; i++) {
            String name = ScanBody.uniqueName("resynthesis-" + i);
            names.add(name);
            Accepted accepted = fleet.scanApi().submit(ScanBody.of(name, Projects.flaskTodoService()).json());
            scans.add(accepted.scanId());
        }
        Map<UUID, JsonNode> firstReports = new HashMap<>();
        for (UUID scan : scans) {
            JsonNode view = fleet.scanApi().awaitFinished(scan, Duration.ofSeconds(90));
            assertEquals("COMPLETED", view.path("status").asText(), view::toPrettyString);
            firstReports.put(scan, view.path("result"));
        }
        Instant to = Instant.now();
        String oldRevision = firstReports.get(scans.getFirst()).path("metadata").path("synthesis_revision").asText("");
        assertFalse(oldRevision.isBlank(), "every report names the synthesis that made it");
        // Counted by project name: the replay re-reads everything in the window, including runs of earlier
        // tests still finishing, whose calls are theirs; these five runs must make none.
        int providerCalls = callsMentioning(names);

        String fixed = "synthesis-fix-" + UUID.randomUUID();
        fleet.redeploy(Fleet.AGGREGATOR_PROCESS, Map.of("CONCLAVE_AGGREGATION_SYNTHESIS_REVISION", fixed));
        ReplayApi replays = new ReplayApi(fleet.scanApi());
        JsonNode started = replays.start(WireJson.encode(Map.of("topic", Topics.ROLE_RESULTS, "from", from.toString(),
                "to", to.toString(), "maxInFlight", SCANS)));
        JsonNode replay = replays.awaitEnded(started.path("id").asText(), Duration.ofSeconds(120));
        assertEquals("COMPLETED", replay.path("status").asText(), replay::toPrettyString);

        Map<UUID, Integer> newRuns = new HashMap<>();
        for (UUID scan : scans) {
            fleet.scanApi().get("/api/v1/scans/" + scan + "/runs", 200).forEach(run -> {
                if ("TOPIC_REPLAY".equals(run.path("origin").asText()) && run.path("sourceRun").asInt() == 1) {
                    newRuns.put(scan, run.path("run").asInt());
                }
            });
        }
        for (UUID scan : scans) {
            assertEquals(2, newRuns.getOrDefault(scan, 0), () -> "scan " + scan + " re-synthesised into run 2: " + replay);
            JsonNode second = await("run 2 of " + scan + " to close").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> fleet.scanApi().run(scan, 2),
                            view -> ScanStatus.valueOf(view.path("status").asText()).isFinal());
            assertEquals("COMPLETED", second.path("status").asText(), second::toPrettyString);
            second.path("roles").forEach(role -> assertEquals(1, role.path("carriedFrom").asInt(),
                    () -> "every role carried from run 1, none analysed: " + second.path("roles")));
            JsonNode report = second.path("result");
            JsonNode first = firstReports.get(scan);
            assertEquals(fixed, report.path("metadata").path("synthesis_revision").asText(), "made by the fixed synthesis");
            assertEquals(0, report.path("metadata").path("api_calls").asInt(), report.path("metadata")::toString);
            assertEquals(first.path("aggregated_insights"), report.path("aggregated_insights"),
                    "the synthesis answer is the one paid for in run 1");
            List<ModelCallRow> calls = fleet.database().modelCalls(scan, 2);
            assertEquals(1, calls.size(), () -> "one synthesis call in run 2: " + calls);
            assertTrue(calls.getFirst().cacheHit(), () -> "answered from the cache: " + calls);
            assertEquals(first, fleet.scanApi().run(scan, 1).path("result"), "run 1's report is intact");
            assertNotEquals(fixed, first.path("metadata").path("synthesis_revision").asText());
        }
        assertEquals(providerCalls, callsMentioning(names), "no provider call for these runs during the replay");
        System.out.printf("[topic-replay] %d runs re-synthesised, job progress %s, their provider calls before %d after %d%n",
                SCANS, replay.path("progress"), providerCalls, callsMentioning(names));
    }

    private int callsMentioning(List<String> names) {
        return names.stream().mapToInt(name -> fleet.openRouter().completionsMentioning(name).size()).sum();
    }
}
