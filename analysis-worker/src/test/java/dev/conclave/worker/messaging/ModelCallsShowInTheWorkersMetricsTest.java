package dev.conclave.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.KafkaClients;
import dev.conclave.delivery.MetricsScrape;
import dev.conclave.model.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the worker did shows at /q/metrics in Prometheus format: the architect's model call by outcome, its tokens
 * and cost, a cache miss then a hit for the same project, the rate limiter's wait and mode, the model's circuit,
 * calls in flight, the group's dead letter and its consumer's lag. Labels are the role, provider, model, outcome,
 * mode, event and group: never the scan id.
 */
@QuarkusTest
class ModelCallsShowInTheWorkersMetricsTest {
    private static final String NO_SCAN_ID = "{\"schemaVersion\":1,\"run\":1,\"roles\":[\"architect\"]}";

    @Inject
    KafkaClients clients;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void aCallACacheHitAndADeadLetterMoveTheirMeters() throws Exception {
        MetricsScrape before = MetricsScrape.of(metrics, null);
        WorkerWire wire = new WorkerWire(clients);
        String project = "metrics-" + UUID.randomUUID(); // a prompt no earlier run cached
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        wire.send(WorkerWire.request(first, 1, project));
        await().atMost(Duration.ofSeconds(60)).until(() -> !wire.read(Topics.ROLE_RESULTS, first.toString()).isEmpty());
        wire.send(WorkerWire.request(second, 1, project)); // the same prompt: answered from the cache
        wire.send(second.toString(), NO_SCAN_ID);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            MetricsScrape after = MetricsScrape.of(metrics, null);
            assertTrue(after.since(before, "conclave_model_calls_total", "outcome=\"SUCCEEDED\"") >= 1,
                    "a successful attempt: " + after.samples("conclave_model_calls_total"));
            assertTrue(after.since(before, "conclave_model_tokens_total", "role=\"architect\"", "kind=\"prompt\"") > 0,
                    "prompt tokens of the architect: " + after.samples("conclave_model_tokens_total"));
            assertTrue(after.sum("conclave_model_cost_usd_total", "role=\"architect\"") >= 0,
                    "the architect's cost is a series: " + after.samples("conclave_model_cost_usd_total"));
            assertTrue(after.since(before, "conclave_cache_events_total", "role=\"architect\"", "event=\"MISS\"") >= 1,
                    "the first request missed the cache: " + after.samples("conclave_cache_events_total"));
            assertTrue(after.since(before, "conclave_cache_events_total", "role=\"architect\"", "event=\"HIT\"") >= 1,
                    "the second request hit it: " + after.samples("conclave_cache_events_total"));
            assertTrue(after.since(before, "conclave_rate_limit_wait_seconds_count") >= 1,
                    "the attempt's permit: " + after.samples("conclave_rate_limit_wait_seconds_count"));
            assertTrue(after.since(before, "conclave_dead_letters_total", "group=\"analysis-architect\"") >= 1,
                    "the request without a scan id: " + after.samples("conclave_dead_letters_total"));
        });

        MetricsScrape after = MetricsScrape.of(metrics, null);
        assertEquals(0, after.sum("conclave_model_calls_in_flight", "role=\"architect\""), "no call in flight any more");
        assertEquals(1, after.sum("conclave_rate_limit_mode"), "one mode decides: " + after.samples("conclave_rate_limit_mode"));
        assertTrue(after.sum("conclave_model_circuit_state", "state=\"CLOSED\"") >= 1,
                "the called model's circuit is closed: " + after.samples("conclave_model_circuit_state"));
        assertFalse(after.samples("kafka_consumer_fetch_manager_records_lag_max", "group=\"analysis-architect\"").isEmpty(),
                "the architect's consumer reports its lag");
        assertTrue(after.samples("conclave_model_tokens_total").stream().noneMatch(line -> line.contains(first.toString())),
                "no scan id among the labels");
    }
}
