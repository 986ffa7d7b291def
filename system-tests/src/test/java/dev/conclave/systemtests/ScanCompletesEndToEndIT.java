package dev.conclave.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import dev.conclave.systemtests.fleet.Database.ModelCallRow;
import dev.conclave.systemtests.fleet.Database.RoleResultRow;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A project goes in over HTTP and a complete, simulated, fully accounted report comes out. */
@SystemTest
class ScanCompletesEndToEndIT {
    private static final List<String> PANEL = List.of("architect", "deployment", "business");

    private final Fleet fleet;

    ScanCompletesEndToEndIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void aProjectWithoutDockerfileGetsACompleteSimulatedReport() {
        Accepted accepted = fleet.scanApi().submit(
                ScanBody.of(ScanBody.uniqueName("todo-service"), Projects.flaskTodoService()).json());
        assertEquals("QUEUED", accepted.status());
        assertEquals("/api/v1/scans/" + accepted.scanId(), accepted.statusUrl());

        JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(60));

        assertEquals("COMPLETED", scan.path("status").asText(), scan::toPrettyString);
        Map<String, JsonNode> roles = StreamSupport.stream(scan.path("roles").spliterator(), false)
                .collect(Collectors.toMap(r -> r.path("role").asText(), Function.identity()));
        assertEquals(Set.copyOf(PANEL), roles.keySet());
        for (String role : PANEL) {
            JsonNode view = roles.get(role);
            assertAll(role,
                    () -> assertEquals("SUCCEEDED", view.path("state").asText()),
                    () -> assertEquals("offline", view.path("provider").asText()),
                    () -> assertTrue(view.path("offline").asBoolean()));
        }

        JsonNode report = scan.path("result");
        for (String section : List.of("architect_analysis", "deployment_analysis", "business_analysis", "aggregated_insights")) {
            assertTrue(report.path(section).isObject(), () -> "report lacks " + section + ": " + report.toPrettyString());
        }
        assertEquals(3, report.path("aggregated_insights").path("top_priorities").size(), report::toPrettyString);
        assertTrue(StreamSupport.stream(report.path("deployment_analysis").path("deployment_blockers").spliterator(), false)
                        .anyMatch(b -> b.path("issue").asText().toLowerCase().contains("dockerfile")),
                () -> "no deployment blocker names the missing Dockerfile: " + report.path("deployment_analysis"));
        assertTrue(report.path("metadata").path("offline").asBoolean(), report::toPrettyString);
        assertFalse(report.path("notice").asText().isBlank(), "a simulated report says so in its notice");

        // What PostgreSQL holds for this run.
        int run = accepted.run();
        List<RoleResultRow> results = fleet.database().roleResults(accepted.scanId(), run);
        assertEquals(PANEL.stream().sorted().toList(), results.stream().map(RoleResultRow::role).toList());
        assertEquals("COMPLETED", fleet.database().aggregation(accepted.scanId(), run).orElseThrow().status());
        List<ModelCallRow> calls = fleet.database().modelCalls(accepted.scanId(), run);
        assertEquals(Set.of("architect", "deployment", "business", "aggregator"),
                calls.stream().map(ModelCallRow::role).collect(Collectors.toSet()));
        assertEquals(4, calls.size(), () -> "model calls: " + calls);
        // The report's numbers are the sums of those rows.
        assertEquals(calls.size(), report.path("metadata").path("api_calls").asInt());
        assertEquals(calls.stream().mapToLong(ModelCallRow::totalTokens).sum(), report.path("metadata").path("tokens").asLong());

        // Its progress, as the CLI follows it: every role started and finished, then the run closed.
        String events = fleet.scanApi().events(accepted.scanId());
        for (String role : PANEL) {
            assertTrue(events.contains("\"role\":\"" + role + "\",\"stage\":\"STARTED\"")
                    && events.contains("\"role\":\"" + role + "\",\"stage\":\"DONE\""), () -> role + " in " + events);
        }
        assertTrue(events.contains("\"stage\":\"CLOSED\"") && events.contains("event:end"), events);

        // Announced exactly once.
        List<ConsumerRecord<String, String>> completions = await("scan.completed for " + accepted.scanId())
                .atMost(Duration.ofSeconds(15))
                .until(() -> fleet.broker().recordsWithKey(Topics.SCAN_COMPLETED, accepted.scanId().toString()),
                        found -> !found.isEmpty());
        assertEquals(1, completions.size(), () -> "scan.completed messages: " + completions);
        ScanCompleted completed = WireJson.decode(completions.getFirst().value(), ScanCompleted.class);
        assertEquals("COMPLETED", completed.status().name());
        assertEquals(run, completed.run());
    }
}
