package dev.conclave.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.RoleOutcome;
import dev.conclave.model.RoleResult;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import dev.conclave.systemtests.fleet.Broker;
import dev.conclave.systemtests.fleet.Database.AggregationRow;
import dev.conclave.systemtests.fleet.Database.ModelCallRow;
import dev.conclave.systemtests.fleet.Database.RoleResultRow;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery means a finished scan can see its messages again. A redelivered role
 * result and a redelivered request must change nothing: not the stored answers, not the report,
 * not the announcement, and the aggregator must not pay for a second synthesis.
 */
@SystemTest
class DuplicateRoleResultIsIgnoredIT {
    private static final List<String> PANEL = List.of("architect", "deployment", "business");
    private static final Duration COMMITTED_WITHIN = Duration.ofSeconds(45);

    private final Fleet fleet;

    DuplicateRoleResultIsIgnoredIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void aRedeliveredRoleResultAndRequestChangeNothing() {
        Accepted accepted = fleet.scanApi().submit(ScanBody.of(ScanBody.uniqueName("duplicates"), Projects.helloScript()).json());
        UUID scanId = accepted.scanId();
        int run = accepted.run();
        JsonNode finished = fleet.scanApi().awaitFinished(scanId, Duration.ofSeconds(60));
        assertEquals("COMPLETED", finished.path("status").asText(), finished::toPrettyString);
        await("scan.completed for " + scanId).atMost(Duration.ofSeconds(15))
                .until(() -> completions(scanId).size() == 1);

        List<RoleResultRow> resultsBefore = fleet.database().roleResults(scanId, run);
        assertEquals(PANEL.stream().sorted().toList(), resultsBefore.stream().map(RoleResultRow::role).toList());
        AggregationRow aggregationBefore = fleet.database().aggregation(scanId, run).orElseThrow();
        long synthesesBefore = aggregatorCalls(scanId, run);

        RoleResultRow architect = resultsBefore.stream().filter(r -> r.role().equals("architect")).findFirst().orElseThrow();
        RoleResult duplicate = new RoleResult(SchemaVersions.WIRE, scanId, run, "architect", RoleOutcome.SUCCEEDED,
                WireJson.tree(Map.of(
                        "architecture_assessment", "A DIFFERENT ANSWER that must not replace the first one",
                        "design_patterns", List.of("duplicate"),
                        "scalability_notes", "duplicate",
                        "technical_debt_priority", "high")),
                null, architect.provider(), architect.model(), true, "system-test-duplicate",
                Instant.now(), architect.completedAt().plus(Duration.ofHours(1)));
        RecordMetadata duplicateResult = fleet.broker().publish(Topics.ROLE_RESULTS, scanId.toString(), WireJson.encode(duplicate));

        List<ConsumerRecord<String, String>> requests = fleet.broker().recordsWithKey(Topics.SCAN_REQUESTS, scanId.toString());
        assertEquals(1, requests.size(), "the gateway published the request once");
        RecordMetadata repeatedRequest = fleet.broker().publish(Topics.SCAN_REQUESTS, scanId.toString(),
                requests.getFirst().value());

        awaitProcessed(duplicateResult, repeatedRequest);

        assertEquals(resultsBefore, fleet.database().roleResults(scanId, run),
                "role_result keeps the first answer of every role");
        AggregationRow aggregationAfter = fleet.database().aggregation(scanId, run).orElseThrow();
        assertEquals("COMPLETED", aggregationAfter.status());
        assertEquals(aggregationBefore.completedAt(), aggregationAfter.completedAt());
        assertEquals(aggregationBefore.report(), aggregationAfter.report());
        JsonNode scanAfter = fleet.scanApi().scan(scanId);
        assertEquals("COMPLETED", scanAfter.path("status").asText());
        assertEquals(finished.path("result"), scanAfter.path("result"), "the report a client reads is unchanged");
        assertEquals(1, completions(scanId).size(), "the run is announced on scan.completed once");
        assertEquals(synthesesBefore, aggregatorCalls(scanId, run), "no second synthesis call");
    }

    /**
     * Waits until every consumer has committed past the duplicates: the aggregator's two groups,
     * and the analysis groups, which answer the repeated request with role results of their own
     * that the aggregator must then also have consumed.
     */
    private void awaitProcessed(RecordMetadata duplicateResult, RecordMetadata repeatedRequest) {
        Broker broker = fleet.broker();
        TopicPartition requestPartition = new TopicPartition(repeatedRequest.topic(), repeatedRequest.partition());
        for (String group : List.of("aggregator-intake", Topics.analysisGroup("architect"),
                Topics.analysisGroup("deployment"), Topics.analysisGroup("business"))) {
            awaitCommitted(broker, group, requestPartition, repeatedRequest.offset() + 1);
        }
        TopicPartition resultPartition = new TopicPartition(duplicateResult.topic(), duplicateResult.partition());
        long resultsEnd = broker.endOffset(resultPartition);
        awaitCommitted(broker, "aggregator", resultPartition, Math.max(duplicateResult.offset() + 1, resultsEnd));
    }

    private static void awaitCommitted(Broker broker, String group, TopicPartition partition, long offset) {
        await(group + " to commit " + partition + " up to " + offset)
                .atMost(COMMITTED_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> broker.committedOffset(group, partition) >= offset);
    }

    private List<ConsumerRecord<String, String>> completions(UUID scanId) {
        return fleet.broker().recordsWithKey(Topics.SCAN_COMPLETED, scanId.toString());
    }

    private long aggregatorCalls(UUID scanId, int run) {
        return fleet.database().modelCalls(scanId, run).stream().map(ModelCallRow::role).filter("aggregator"::equals).count();
    }
}
