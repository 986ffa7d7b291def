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
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A re-run of one role on another model makes run 2 with a report of its own: the other roles are
 * carried over from run 1 without a model call, only the re-run role and the synthesis reach the
 * provider, run 1 and its report stay as they were, and the diff of the two says what changed.
 */
@SystemTest(panel = Panel.OPENROUTER)
class RerunMakesRunTwoAndKeepsRunOneIT {
    private final Fleet fleet;

    RerunMakesRunTwoAndKeepsRunOneIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void rerunOfOneRoleOnAnotherModel() {
        String name = ScanBody.uniqueName("todo-rerun");
        Accepted first = fleet.scanApi().submit(ScanBody.of(name, Projects.flaskTodoService()).json());
        JsonNode runOne = fleet.scanApi().awaitFinished(first.scanId(), Duration.ofSeconds(60));
        assertEquals("COMPLETED", runOne.path("status").asText(), runOne::toPrettyString);
        int callsBefore = fleet.openRouter().completionsMentioning(name).size();
        String runs = "/api/v1/scans/" + first.scanId() + "/runs";

        JsonNode accepted = fleet.scanApi().post(runs, """
                {"roles": ["deployment"],
                 "overrides": {"deployment": {"chain": ["openrouter/%s"]}}}""".formatted(FakeOpenRouter.model("deployment-alt")),
                202);
        assertEquals(2, accepted.path("run").asInt());
        JsonNode runTwo = fleet.scanApi().awaitRunFinished(first.scanId(), 2, Duration.ofSeconds(60));

        assertEquals("COMPLETED", runTwo.path("status").asText(), runTwo::toPrettyString);
        assertEquals(callsBefore + 2, fleet.openRouter().completionsMentioning(name).size(),
                "the re-run role and the synthesis only");
        JsonNode reportTwo = runTwo.path("result");
        assertEquals("No health check", reportTwo.at("/deployment_analysis/deployment_blockers/0/issue").asText());
        assertEquals(runOne.path("result").path("architect_analysis"), reportTwo.path("architect_analysis"),
                "architect is carried from run 1");
        assertEquals(List.of("architect", "business"), java.util.stream.StreamSupport.stream(runTwo.path("roles").spliterator(), false)
                .filter(role -> role.path("carriedFrom").asInt() == 1).map(role -> role.path("role").asText()).sorted()
                .toList(), "carried from run 1");
        List<ModelCallRow> calls = fleet.database().modelCalls(first.scanId(), 2);
        assertEquals(List.of("deployment", "aggregator"), calls.stream().map(ModelCallRow::role).toList(), calls::toString);
        assertEquals(FakeOpenRouter.model("deployment-alt"), calls.get(0).answeringModel());

        JsonNode stillOne = fleet.scanApi().get(runs + "/1", 200);
        assertEquals(runOne.path("result"), stillOne.path("result"), "run 1's report is untouched");
        JsonNode list = fleet.scanApi().get(runs, 200);
        assertEquals(2, list.size());
        assertEquals("RERUN", list.get(1).path("origin").asText());
        assertEquals(2, fleet.scanApi().scan(first.scanId()).path("run").asInt(), "the scan shows its newest run");

        JsonNode diff = fleet.scanApi().get(runs + "/diff?from=1&to=2", 200);
        assertEquals(List.of("medium: No health check"), strings(diff.at("/blockers/added")), diff::toPrettyString);
        assertEquals(List.of("high: No Dockerfile"), strings(diff.at("/blockers/removed")), diff::toPrettyString);
        BigDecimal costOne = diff.at("/cost_usd/from").decimalValue();
        BigDecimal costTwo = diff.at("/cost_usd/to").decimalValue();
        assertEquals(0, FakeOpenRouter.costOf("deployment-alt").add(FakeOpenRouter.costOf("aggregator")).compareTo(costTwo),
                diff::toPrettyString);
        assertTrue(costOne.compareTo(costTwo) != 0, diff::toPrettyString);
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
