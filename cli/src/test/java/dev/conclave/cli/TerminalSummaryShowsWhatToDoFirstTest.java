package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import dev.conclave.report.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalSummaryShowsWhatToDoFirstTest {

    private final String summary = new TerminalSummary().render(new ScanProgress(
            SampleReports.SCAN_ID, "demo-shop", ScanStatus.PARTIAL, 1, null, null,
            List.of(new RoleProgress("architect", "SUCCEEDED", "offline", "conclave-offline-1", true, null),
                    new RoleProgress("performance", "FAILED", null, null, false, "model answered invalid JSON twice")),
            null,
            WireJson.decode(SampleReports.full("PARTIAL"), JsonNode.class)));

    @Test
    void statusAndNoticeStandOut() {
        assertContains("Conclave report: demo-shop - PARTIAL");
        assertContains("* NOTICE: Offline simulation:");
    }

    @Test
    void scoresAndTopPrioritiesAreListed() {
        assertContains("code quality            6.5 / 10");
        assertContains("vibecodibility 6 / 10, fit 8 / 10");
        assertContains("1. Containerise the app");
        assertContains("3. Add CI");
    }

    @Test
    void everyRoleGetsOneLineWithItsHeadlineOrReason() {
        assertContains("architect    SUCCEEDED  A layered monolith with clear module boundaries.\n");
        assertContains("performance  FAILED     model answered invalid JSON twice");
        assertContains("deployment   SUCCEEDED  Container image behind a managed load balancer.");
        assertContains("security     SUCCEEDED  Session cookies lack the Secure flag.");
        assertContains("compliance   MISSING");
    }

    @Test
    void metadataShowsModelsCallsTokensCostAndTime() {
        assertContains("models                  offline/conclave-offline-1");
        assertContains("api calls               4, cache hits 1");
        assertContains("tokens                  12 345");
        assertContains("cost                    $0.00 (offline simulation)");
        assertContains("total time              3.2 s");
    }

    private void assertContains(String expected) {
        assertTrue(summary.contains(expected), () -> "expected\n" + expected + "\nin\n" + summary);
    }
}
