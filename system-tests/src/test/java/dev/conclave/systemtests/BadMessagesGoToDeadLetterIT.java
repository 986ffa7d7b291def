package dev.conclave.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.Topics;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A message nobody can decode is parked on scan.dead-letters by every consumer that meets it,
 * with the reason, and the consumers keep going.
 */
@SystemTest
class BadMessagesGoToDeadLetterIT {
    private static final String GARBAGE = "{not json";
    private static final Duration DEAD_LETTERED_WITHIN = Duration.ofSeconds(30);

    private final Fleet fleet;

    BadMessagesGoToDeadLetterIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void undecodableMessagesAreDeadLetteredAndScansStillComplete() {
        String resultKey = "garbage-result-" + UUID.randomUUID();
        String requestKey = "garbage-request-" + UUID.randomUUID();
        fleet.broker().publish(Topics.ROLE_RESULTS, resultKey, GARBAGE);
        fleet.broker().publish(Topics.SCAN_REQUESTS, requestKey, GARBAGE);

        // scan.results has one consumer, the aggregator.
        List<ConsumerRecord<String, String>> fromResults = awaitDeadLetters(resultKey, 1);
        assertEquals(GARBAGE, fromResults.getFirst().value(), "the message is kept as it was");
        assertEquals(Topics.ROLE_RESULTS, header(fromResults.getFirst(), "dead-letter-topic"));
        assertTrue(!header(fromResults.getFirst(), "dead-letter-reason").isBlank(), "the reason is given");

        // scan.requests has four: one per analysis role, and the aggregator's intake.
        List<ConsumerRecord<String, String>> fromRequests = awaitDeadLetters(requestKey, 4);
        for (ConsumerRecord<String, String> letter : fromRequests) {
            assertEquals(GARBAGE, letter.value());
            assertEquals(Topics.SCAN_REQUESTS, header(letter, "dead-letter-topic"));
            assertTrue(!header(letter, "dead-letter-reason").isBlank(), "the reason is given");
        }
        Set<String> analysisGroups = fromRequests.stream().map(letter -> header(letter, "dead-letter-group"))
                .filter(group -> group.startsWith("analysis-")).collect(Collectors.toSet());
        assertEquals(Set.of("analysis-architect", "analysis-deployment", "analysis-business"), analysisGroups);

        Accepted accepted = fleet.scanApi().submit(ScanBody.of(ScanBody.uniqueName("after-garbage"), Projects.helloScript()).json());
        JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(60));
        assertEquals("COMPLETED", scan.path("status").asText(), scan::toPrettyString);
    }

    private List<ConsumerRecord<String, String>> awaitDeadLetters(String key, int atLeast) {
        return await(atLeast + " dead letters with key " + key)
                .atMost(DEAD_LETTERED_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> fleet.broker().recordsWithKey(Topics.DEAD_LETTERS, key), found -> found.size() >= atLeast);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
