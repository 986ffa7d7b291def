package dev.conclave.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.Topics;
import dev.conclave.systemtests.fleet.Database.ModelCallRow;
import dev.conclave.systemtests.fleet.Database.RoleResultRow;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Scaling a role out is running another instance: the two architect workers share group
 * analysis-architect, split the request partitions between them, and each scan is analysed by
 * exactly one of them.
 */
@SystemTest
class TwoWorkersOfOneRoleSplitPartitionsIT {
    private static final int SCANS = 24;
    private static final String GROUP = Topics.analysisGroup("architect");

    private final Fleet fleet;

    TwoWorkersOfOneRoleSplitPartitionsIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void eachScanIsAnalysedOnceAndBothWorkersShareTheLoad() {
        Set<Integer> partitions = fleet.broker().partitions(Topics.SCAN_REQUESTS);
        assertEquals(fleet.topicPartitions(), partitions.size(),
                "scan.requests is created with the gateway's conclave.topics.partitions (" + fleet.topicPartitions() + ")");
        Map<String, Set<Integer>> assignment = fleet.broker().assignment(GROUP, Topics.SCAN_REQUESTS);
        assertEquals(2, assignment.size(), () -> GROUP + " members: " + assignment);
        List<Set<Integer>> shares = List.copyOf(assignment.values());
        Set<Integer> overlap = new HashSet<>(shares.get(0));
        overlap.retainAll(shares.get(1));
        Set<Integer> covered = new HashSet<>(shares.get(0));
        covered.addAll(shares.get(1));
        assertAll("partitions of " + GROUP + ": " + assignment,
                () -> assertTrue(overlap.isEmpty(), "no partition is assigned twice"),
                () -> assertEquals(partitions, covered, "every partition is assigned"));

        String prefix = ScanBody.uniqueName("fan-out");
        List<Accepted> accepted = IntStream.range(0, SCANS)
                .mapToObj(i -> fleet.scanApi().submit(ScanBody.of(prefix + "-" + i, Projects.helloScript())
                        .roles("architect").json()))
                .toList();

        Set<String> instances = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Accepted scan : accepted) {
            JsonNode view = fleet.scanApi().awaitFinished(scan.scanId(), Duration.ofSeconds(60));
            if (!"COMPLETED".equals(view.path("status").asText())) {
                problems.add(scan.scanId() + " ended " + view.path("status").asText());
                continue;
            }
            List<RoleResultRow> results = fleet.database().roleResults(scan.scanId(), scan.run());
            List<ModelCallRow> architectCalls = fleet.database().modelCalls(scan.scanId(), scan.run()).stream()
                    .filter(call -> call.role().equals("architect")).toList();
            if (results.size() != 1 || !results.getFirst().role().equals("architect")) {
                problems.add(scan.scanId() + " has role results " + results);
            }
            if (architectCalls.size() != 1) {
                problems.add(scan.scanId() + " has " + architectCalls.size() + " architect model calls: " + architectCalls);
            }
            results.forEach(r -> instances.add(r.workerInstance()));
            architectCalls.forEach(c -> instances.add(c.workerInstance()));
        }
        assertEquals(List.of(), problems);
        assertEquals(Set.of(Fleet.WORKER_A, Fleet.WORKER_B), instances, "both architect workers analysed some of the scans");
    }
}
