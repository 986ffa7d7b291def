package dev.conclave.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    static ScanDigest digest() {
        return new ScanDigest("demo", 2, 120, List.of(new LanguageStat("Java", 2, 40)), List.of("A.java", "B.java"),
                false, null, List.of(), new ProjectFacts(false, false, false, false, false, false, false, 0, 2,
                        List.of(), List.of(), List.of()),
                new StaticScores(5.5, 10, 0));
    }

    @Test
    void scanRequestSurvivesTheWire() {
        ScanRequest request = new ScanRequest(SchemaVersions.WIRE, UUID.randomUUID(), 1, "demo",
                List.of("architect", "business"), digest(), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:10:00Z"), false);

        ScanRequest decoded = WireJson.decode(WireJson.encode(request), ScanRequest.class);

        assertEquals(request, decoded);
    }

    @Test
    void reportPutsEachRoleAnalysisAtTheTopLevel() {
        JsonNode architect = WireJson.tree(new ArchitectAnalysis("layered", List.of("MVC"), "fine", Level.HIGH));
        ScanReport report = new ScanReport(1, UUID.randomUUID(), 1, "demo", ScanStatus.COMPLETED, null,
                new StaticScores(7, 50, 60), Map.of("architect", architect),
                new AggregatedInsights("good", List.of("a", "b", "c"), 7, 8), List.of(), List.of(),
                new ReportMetadata(List.of("offline/sim"), 1.5, 0, 4, 1000, BigDecimal.ZERO, true));

        JsonNode json = WireJson.tree(report);

        assertEquals("high", json.path("architect_analysis").path("technical_debt_priority").asText());
        assertEquals(7, json.path("aggregated_insights").path("vibecodibility_score").asInt());
        assertEquals(50, json.path("static_scores").path("deployment_readiness_percent").asInt());
        assertTrue(json.path("metadata").path("offline").asBoolean());
        assertTrue(json.path("role_analyses").isMissingNode(), "the role map must not appear under its own name");
    }

    @Test
    void undecodableMessageSaysWhatIsWrong() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> WireJson.decode("{\"scanId\": 12", ScanRequest.class));
        assertTrue(e.getMessage().startsWith("not a valid ScanRequest"), e.getMessage());
    }
}
