package dev.conclave.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * No scan stays RUNNING forever: a role nobody serves (the gateway knows "security", no worker
 * serves it) is missing at the deadline, and the scan ends PARTIAL, saying which role is missing.
 */
@SystemTest
class MissingRoleEndsPartialIT {
    private final Fleet fleet;

    MissingRoleEndsPartialIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void aRoleThatNeverAnswersIsNamedAsMissing() {
        Accepted accepted = fleet.scanApi().submit(ScanBody.of(ScanBody.uniqueName("unserved-role"), Projects.helloScript())
                .roles("architect", "security")
                // Long enough for the architect to answer on a busy machine (a fresh fleet's first record can
                // wait seconds for its consumer to settle), so that only the unserved role is missing.
                .deadlineSeconds(10)
                .json());

        JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(60));

        assertEquals("PARTIAL", scan.path("status").asText(), scan::toPrettyString);
        assertEquals(List.of("security"), strings(scan.path("missingRoles")));
        Map<String, String> states = StreamSupport.stream(scan.path("roles").spliterator(), false)
                .collect(Collectors.toMap(r -> r.path("role").asText(), r -> r.path("state").asText()));
        assertEquals(Map.of("architect", "SUCCEEDED", "security", "MISSING"), states);
        JsonNode report = scan.path("result");
        assertTrue(strings(report.path("missing_roles")).contains("security"), report::toPrettyString);
        assertTrue(report.path("notice").asText().contains("security"),
                () -> "the notice does not name the missing role: " + report.path("notice"));
        assertTrue(report.path("architect_analysis").isObject(), "what did arrive is still reported");
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
