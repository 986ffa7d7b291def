package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.systemtests.Projects;
import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import dev.conclave.systemtests.fleet.Database.ModelCallRow;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A second scan of an unchanged project makes no provider call: every role is a cache hit, and costs nothing. */
@SystemTest(panel = Panel.OPENROUTER)
class IdenticalScanIsAnsweredFromTheCacheIT {
    private final Fleet fleet;

    IdenticalScanIsAnsweredFromTheCacheIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void secondIdenticalScanCallsNoProvider() {
        String name = ScanBody.uniqueName("todo-twice");
        Accepted first = fleet.scanApi().submit(ScanBody.of(name, Projects.flaskTodoService()).json());
        assertEquals("COMPLETED", fleet.scanApi().awaitFinished(first.scanId(), Duration.ofSeconds(60))
                .path("status").asText());
        int providerCalls = fleet.openRouter().completionsMentioning(name).size();
        assertEquals(4, providerCalls);

        Accepted second = fleet.scanApi().submit(ScanBody.of(name, Projects.flaskTodoService()).json());
        JsonNode scan = fleet.scanApi().awaitFinished(second.scanId(), Duration.ofSeconds(60));

        assertEquals("COMPLETED", scan.path("status").asText(), scan::toPrettyString);
        assertEquals(providerCalls, fleet.openRouter().completionsMentioning(name).size(), "no new provider call");
        List<ModelCallRow> rows = fleet.database().modelCalls(second.scanId(), second.run());
        assertEquals(4, rows.size(), () -> "rows: " + rows);
        assertTrue(rows.stream().allMatch(ModelCallRow::cacheHit), () -> "rows: " + rows);
        JsonNode metadata = scan.path("result").path("metadata");
        assertEquals(4, metadata.path("cache_hits").asInt(), metadata::toString);
        assertEquals(0, metadata.path("api_calls").asInt(), metadata::toString);
        assertEquals(0, BigDecimal.ZERO.compareTo(metadata.path("cost_usd").decimalValue()), metadata::toString);
        assertEquals(fleet.scanApi().scan(first.scanId()).path("result").path("architect_analysis"),
                scan.path("result").path("architect_analysis"), "the cached analysis is the one paid for");
    }
}
