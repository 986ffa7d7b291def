package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.MetricsScrape;
import dev.conclave.model.ScanRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs the aggregator closed show at /q/metrics in Prometheus format: one COMPLETED (every role arrived) and one
 * PARTIAL (its deadline passed with a role missing) move the closed-runs counter and the time-to-close histogram
 * of their status, and the synthesis call counts under the aggregator's role.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class ClosedRunsShowInTheAggregatorsMetricsTest {
    private static final String COMPLETED = "status=\"COMPLETED\"";
    private static final String PARTIAL = "status=\"PARTIAL\"";
    private static final String SUBMITTED = "origin=\"SUBMITTED\"";

    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void aCompletedAndAPartialRunMoveTheirStatusesCounterAndHistogram() throws Exception {
        MetricsScrape before = MetricsScrape.of(metrics, null);
        ScanRequest complete = runs.newScan(Duration.ofMinutes(10));
        ScanRequest late = runs.newScan(Duration.ofSeconds(1));

        closer.onRequest(complete);
        for (String role : complete.roles()) {
            closer.onRoleResult(runs.result(complete, role));
        }
        closer.onRequest(late);
        closer.onRoleResult(runs.result(late, complete.roles().getFirst()));

        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(runs.status(complete.scanId(), 1))
                && "PARTIAL".equals(runs.status(late.scanId(), 1)));
        MetricsScrape after = MetricsScrape.of(metrics, null);
        assertTrue(after.since(before, "conclave_scans_closed_total", COMPLETED, SUBMITTED) >= 1,
                after.samples("conclave_scans_closed_total").toString());
        assertTrue(after.since(before, "conclave_scans_closed_total", PARTIAL, SUBMITTED) >= 1,
                after.samples("conclave_scans_closed_total").toString());
        assertTrue(after.since(before, "conclave_scan_time_to_close_seconds_count", COMPLETED) >= 1,
                after.samples("conclave_scan_time_to_close_seconds_count").toString());
        assertTrue(after.since(before, "conclave_scan_time_to_close_seconds_bucket", PARTIAL, "le=\"+Inf\"") >= 1,
                "the partial run is in the histogram: "
                        + after.samples("conclave_scan_time_to_close_seconds_bucket", PARTIAL));
        assertEquals(0, after.since(before, "conclave_scan_time_to_close_seconds_bucket", PARTIAL, "le=\"0.25\""),
                "a run closed at its deadline took longer than 250 ms");
        assertTrue(after.since(before, "conclave_model_tokens_total", "role=\"aggregator\"", "kind=\"prompt\"") > 0,
                "the syntheses' tokens: " + after.samples("conclave_model_tokens_total"));
        assertFalse(after.samples("kafka_consumer_fetch_manager_records_lag_max", "group=\"aggregator\"").isEmpty(),
                "the results consumer reports its lag");
    }
}
