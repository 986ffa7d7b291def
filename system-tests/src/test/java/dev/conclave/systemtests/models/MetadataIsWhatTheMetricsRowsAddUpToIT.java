package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A scan answered by (fake) OpenRouter models: the report holds their analyses, and its metadata —
 * calls, tokens, cost, models — is exactly what the run's metrics rows add up to.
 */
@SystemTest(panel = Panel.OPENROUTER)
class MetadataIsWhatTheMetricsRowsAddUpToIT {
    private final Fleet fleet;

    MetadataIsWhatTheMetricsRowsAddUpToIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void reportMetadataEqualsTheSumOfTheRows() {
        String name = ScanBody.uniqueName("todo-service");
        Accepted accepted = fleet.scanApi().submit(ScanBody.of(name, Projects.flaskTodoService()).json());

        JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(60));

        assertEquals("COMPLETED", scan.path("status").asText(), scan::toPrettyString);
        JsonNode report = scan.path("result");
        assertEquals("A small Flask service with a clear route layer",
                report.path("architect_analysis").path("architecture_assessment").asText(), report::toPrettyString);
        assertEquals(List.of("Add a Dockerfile", "Add CI", "Move off SQLite"), StreamSupport.stream(
                report.path("aggregated_insights").path("top_priorities").spliterator(), false).map(JsonNode::asText).toList());
        JsonNode metadata = report.path("metadata");
        assertFalse(metadata.path("offline").asBoolean(), "real (fake) models answered: " + metadata);

        List<ModelCallRow> rows = fleet.database().modelCalls(accepted.scanId(), accepted.run());
        assertEquals(Set.of("architect", "deployment", "business", "aggregator"),
                rows.stream().map(ModelCallRow::role).collect(Collectors.toSet()));
        assertTrue(rows.stream().allMatch(r -> "SUCCEEDED".equals(r.outcome()) && "FLEET".equals(r.rateLimitMode())),
                () -> "rows: " + rows);
        BigDecimal rowCost = rows.stream().map(ModelCallRow::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal providerCost = Set.of("architect", "deployment", "business", "aggregator").stream()
                .map(FakeOpenRouter::costOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, providerCost.compareTo(rowCost), "rows carry the cost OpenRouter reported");
        assertEquals(0, rowCost.compareTo(metadata.path("cost_usd").decimalValue()), metadata::toString);
        assertEquals(rows.size(), metadata.path("api_calls").asInt());
        assertEquals(0, metadata.path("cache_hits").asInt());
        assertEquals(rows.stream().mapToLong(ModelCallRow::totalTokens).sum(), metadata.path("tokens").asLong());
        assertEquals(rows.stream().map(r -> "openrouter/" + r.answeringModel()).distinct().sorted().toList(),
                StreamSupport.stream(metadata.path("models_used").spliterator(), false).map(JsonNode::asText).toList());
        assertEquals(4, fleet.openRouter().completionsMentioning(name).size(), "one provider call per role");
        for (JsonNode role : metadata.path("roles")) {
            String which = role.path("role").asText();
            assertEquals(0, FakeOpenRouter.costOf(which).compareTo(role.path("cost_usd").decimalValue()),
                    () -> which + ": " + role);
            assertEquals(1, role.path("api_calls").asInt(), role::toString);
        }
        assertEquals(4, metadata.path("roles").size(), metadata::toString);
    }
}
