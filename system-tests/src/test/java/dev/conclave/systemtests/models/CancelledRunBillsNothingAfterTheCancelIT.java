package dev.conclave.systemtests.models;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.conclave.model.WireJson;
import dev.conclave.systemtests.Projects;
import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import dev.conclave.systemtests.fleet.Database.ModelCallRow;
import dev.conclave.systemtests.fleet.FakeOpenRouter;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/scans/{id}/cancel} on the real fleet: a run cancelled while its three roles wait
 * for a slow provider (3 s a call) closes CANCELLED, its calls in flight are aborted and recorded
 * CANCELLED at no cost, and no request reaches the provider after the cancel was answered, synthesis
 * included; a run cancelled while its workers are stopped is skipped by them when they come back.
 */
@SystemTest(panel = Panel.OPENROUTER)
class CancelledRunBillsNothingAfterTheCancelIT {
    private static final Set<String> ROLES = Set.of("architect", "deployment", "business");
    private static final List<String> WORKERS = List.of("analysis-worker-1", "analysis-worker-2", "analysis-worker-3");

    private final Fleet fleet;

    CancelledRunBillsNothingAfterTheCancelIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void cancelMidRunAbortsTheCallsInFlightAndClosesCancelled() {
        String name = ScanBody.uniqueName("slow-shop");
        fleet.openRouter().answerSlowly(name, 3_000);
        Accepted accepted = fleet.scanApi().submit(ScanBody.of(name, Projects.flaskTodoService()).json());
        // Every role's call is at the provider (each answers after 3 s), none answered yet.
        await("the three role calls at the provider").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> fleet.openRouter().completionsMentioning(name).size() >= ROLES.size());

        JsonNode cancelled = fleet.scanApi().cancel(accepted.scanId());
        Instant answered = Instant.now();

        JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(60));
        assertTrue(cancelled.path("runInfo").path("cancelRequestedAt").isTextual(), cancelled::toPrettyString);
        assertEquals("CANCELLED", scan.path("status").asText(), scan::toPrettyString);
        assertTrue(scan.path("result").path("notice").asText().startsWith("Cancelled at "), scan::toPrettyString);
        assertEquals(cancelled.path("runInfo").path("cancelRequestedAt"), scan.path("runInfo").path("cancelRequestedAt"));

        List<ServeEvent> requests = fleet.openRouter().completionsMentioning(name);
        List<Instant> late = requests.stream().map(FakeOpenRouter::arrival).filter(answered::isBefore).toList();
        assertEquals(List.of(), late, "requests that reached the provider after the cancel was answered at " + answered);
        assertEquals(ROLES.size(), requests.size(), "one call per role, none retried: " + requests.size());
        assertTrue(requests.stream().noneMatch(r -> r.getRequest().getBodyAsString()
                .contains(FakeOpenRouter.model("aggregator"))), "no synthesis call");

        List<ModelCallRow> rows = fleet.database().modelCalls(accepted.scanId(), accepted.run());
        assertEquals(ROLES, rows.stream().map(ModelCallRow::role).collect(Collectors.toSet()), () -> "rows: " + rows);
        assertTrue(rows.stream().allMatch(r -> "CANCELLED".equals(r.outcome())
                && r.costUsd().compareTo(BigDecimal.ZERO) == 0 && r.totalTokens() == 0), () -> "rows: " + rows);
        assertTrue(rows.stream().noneMatch(r -> r.startedAt().isAfter(answered)),
                () -> "a call started after the cancel: " + rows);
        assertEquals(0, scan.path("result").path("metadata").path("cost_usd").decimalValue().signum(),
                scan::toPrettyString);
    }

    @Test
    void runCancelledWhileItsWorkersAreStoppedIsSkippedWhenTheyComeBack() {
        WORKERS.forEach(fleet::stop);
        Accepted accepted;
        String name = ScanBody.uniqueName("queued-shop");
        try {
            accepted = fleet.scanApi().submit(ScanBody.of(name, Projects.flaskTodoService()).json());
            fleet.scanApi().cancel(accepted.scanId());
            JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(30));
            assertEquals("CANCELLED", scan.path("status").asText(), scan::toPrettyString);
        } finally {
            WORKERS.forEach(fleet::restart);
            fleet.awaitStableGroups();
        }

        await("each role to skip the cancelled run").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> skipped(accepted), roles -> roles.equals(ROLES));
        assertEquals(List.of(), fleet.openRouter().completionsMentioning(name), "no provider call");
        assertEquals(List.of(), fleet.database().modelCalls(accepted.scanId(), accepted.run()), "no model_call row");
    }

    /** The roles whose workers reported skipping the run because it is cancelled. */
    private Set<String> skipped(Accepted accepted) {
        return fleet.scanApi().events(accepted.scanId()).lines()
                .filter(line -> line.startsWith("data:"))
                .map(line -> parse(line.substring("data:".length()).strip()))
                .filter(event -> "SKIPPED".equals(event.path("stage").asText())
                        && ("run " + accepted.run() + " is cancelled").equals(event.path("detail").asText()))
                .map(event -> event.path("role").asText())
                .collect(Collectors.toSet());
    }

    private static JsonNode parse(String json) {
        try {
            return WireJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("an event that is not JSON: " + json, e);
        }
    }
}
