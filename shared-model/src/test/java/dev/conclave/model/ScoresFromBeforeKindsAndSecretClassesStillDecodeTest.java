package dev.conclave.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A digest written before project kinds and secret classes decodes; one written after keeps them. */
class ScoresFromBeforeKindsAndSecretClassesStillDecodeTest {

    @Test
    void oldScoresDecodeAsAnUnknownKindWithoutFindings() {
        StaticScores old = WireJson.decode("""
                {"code_quality": 6.5, "deployment_readiness_percent": 20, "documentation_quality_percent": 40,
                 "findings": [{"score": "deployment_readiness", "signal": "ci", "points": 20, "detail": "CI in x"}]}
                """, StaticScores.class);

        assertEquals(ProjectKind.UNKNOWN, old.projectKind());
        assertEquals(SecretFindings.NONE, old.secretFindings());
        assertEquals(20, old.deploymentReadinessPercent());
    }

    @Test
    void kindAndClassedFindingsSurviveTheWireWithoutAnyValue() {
        SecretFinding fixture = new SecretFinding("tests/certs/server.key", 1, "private_key", SecretClass.TEST_FIXTURE,
                "under a test folder (tests/)");
        SecretFinding real = new SecretFinding("app/settings.py", 12, "secret_assignment", SecretClass.LIKELY_REAL,
                "in application code or configuration");
        StaticScores scores = new StaticScores(7, 75, 60, List.of(), ProjectKind.LIBRARY,
                new SecretFindings(Map.of("test_fixture", 1, "likely_real", 1), List.of(real, fixture)));

        String json = WireJson.encode(scores);
        StaticScores decoded = WireJson.decode(json, StaticScores.class);

        assertEquals(scores, decoded);
        assertTrue(json.contains("\"project_kind\":\"library\""), json);
        assertTrue(json.contains("\"secret_class\":\"test_fixture\""), json);
        assertEquals(1, decoded.secretFindings().count(SecretClass.LIKELY_REAL));
        assertEquals(List.of(fixture), decoded.secretFindings().listed(SecretClass.TEST_FIXTURE));
        assertFalse(decoded.secretFindings().isTruncated());
    }
}
