package dev.conclave.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fleet starts on an empty schema with the aggregator and the workers first, all at once, and the gateway
 * last (see {@link Fleet}): each table owner's Flyway history was applied exactly once although several
 * services ran it together, and a scan goes through.
 */
@SystemTest
class ServicesStartInAnyOrderOnAnEmptyDatabaseIT {
    private static final List<String> HISTORIES = List.of("flyway_history_gateway", "flyway_history_aggregator",
            "flyway_history_llm_client");

    private final Fleet fleet;

    ServicesStartInAnyOrderOnAnEmptyDatabaseIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void workersStartedBeforeTheGatewayOnAnEmptyDatabaseCompleteAScan() throws SQLException {
        assertEquals(Fleet.GATEWAY_PROCESS, fleet.processNames().getLast(), "the gateway started last");
        for (String history : HISTORIES) {
            assertEquals(List.of("1 true"), applied(history), history + ": V1 applied once, successfully");
        }

        Accepted accepted = fleet.scanApi().submit(
                ScanBody.of(ScanBody.uniqueName("any-order"), Projects.flaskTodoService()).json());
        JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(60));

        assertEquals("COMPLETED", scan.path("status").asText(), scan::toPrettyString);
        assertEquals(4, fleet.database().modelCalls(accepted.scanId(), accepted.run()).size(),
                "three roles and the synthesis recorded their calls");
    }

    /** The history's migrations (not its baseline marker) as "version success", in order. */
    private List<String> applied(String history) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = fleet.database().connect(); Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("select version, success from " + history
                        + " where type <> 'BASELINE' order by installed_rank")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getBoolean(2));
            }
        }
        return rows;
    }
}
