package dev.conclave.aggregator.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.aggregator.service.AggregatorTestProfile;
import dev.conclave.aggregator.service.Runs;
import dev.conclave.delivery.KafkaClients;
import dev.conclave.model.DeadLetters;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The two consumers over the real broker: a run's results on {@code scan.results} (one of them twice, all
 * before the request) and its request on {@code scan.requests} close the run once, with one synthesis and one
 * {@code scan.completed} event; a result that cannot be decoded, ahead of them on the same partition, is
 * dead-lettered by group {@code aggregator} and the results behind it are still processed.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class RecordsOnTheTopicsCloseTheirRunOnceTest {
    private static final String UNDECODABLE = "{\"scanId\": \"not a result\"";

    @Inject
    KafkaClients clients;
    @Inject
    Runs runs;

    @Test
    void resultsThenTheirRequestCloseTheRunOnceAndTheUndecodableResultIsDeadLettered() throws Exception {
        ScanRequest request = runs.newScan(Duration.ofMinutes(10));
        String key = request.scanId().toString();
        try (KafkaProducer<String, String> producer = clients.producer()) {
            producer.send(new ProducerRecord<>(Topics.ROLE_RESULTS, key, UNDECODABLE)).get();
            for (String role : Runs.ROLES) {
                producer.send(new ProducerRecord<>(Topics.ROLE_RESULTS, key, WireJson.encode(runs.result(request, role)))).get();
            }
            producer.send(new ProducerRecord<>(Topics.ROLE_RESULTS, key,
                    WireJson.encode(runs.result(request, Runs.ROLES.getFirst())))).get();
            producer.send(new ProducerRecord<>(Topics.SCAN_REQUESTS, key, WireJson.encode(request))).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(runs.status(request.scanId(), 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.completionPublished(request.scanId(), 1));
        List<ScanCompleted> completions = runs.completions(request.scanId());
        assertEquals(1, completions.size(), "scan.completed events");
        assertEquals(ScanStatus.COMPLETED, completions.getFirst().status());
        assertEquals(1, runs.syntheses(request.scanId(), 1));
        assertEquals(Runs.ROLES.size(), runs.roleResults(request.scanId(), 1));

        List<ConsumerRecord<String, String>> letters = clients.readToEnd(Topics.DEAD_LETTERS,
                record -> key.equals(record.key()) && RoleResultConsumer.GROUP.equals(header(record, DeadLetters.GROUP)));
        assertEquals(1, letters.size(), "dead letters of group aggregator");
        assertEquals(UNDECODABLE, letters.getFirst().value());
        assertEquals(Topics.ROLE_RESULTS, header(letters.getFirst(), DeadLetters.TOPIC));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
