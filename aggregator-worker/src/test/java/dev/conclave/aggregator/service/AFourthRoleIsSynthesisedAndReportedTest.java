package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fourth role added to the panel by configuration only: its run completes, the synthesis and the report include it. */
@QuarkusTest
@TestProfile(AFourthRoleIsSynthesisedAndReportedTest.WithSecurity.class)
class AFourthRoleIsSynthesisedAndReportedTest {

    public static class WithSecurity extends AggregatorTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("conclave.roles.panel", "architect,deployment,business,security");
            overrides.put("conclave.llm.offline.latency", "0ms");
            return overrides;
        }
    }

    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @Test
    void theRunCompletesWithTheFourthRolesAnalysisAndItsPlaceInTheSynthesis() throws Exception {
        ScanRequest known = runs.newScan(Duration.ofMinutes(10));
        ScanRequest request = new ScanRequest(SchemaVersions.WIRE, known.scanId(), 1, known.projectName(),
                List.of("architect", "security"), known.digest(), known.requestedAt(), known.deadline(), true);

        closer.onRequest(request);
        closer.onRoleResult(runs.result(request, "architect"));
        closer.onRoleResult(runs.result(request, "security"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(runs.status(request.scanId(), 1)));
        JsonNode report = runs.report(request.scanId());
        assertEquals("security looked at greeter: 14 files, mostly Python.",
                report.path("security_analysis").path("summary").asText(), report.toString());
        assertTrue(report.path("aggregated_insights").path("overall_assessment").asText()
                .contains("2 of the panel's roles answered (architect, security)"), report.toString());
    }
}
