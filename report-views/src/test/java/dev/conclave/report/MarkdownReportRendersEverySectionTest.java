package dev.conclave.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportRendersEverySectionTest {

    private final String markdown = render(SampleReports.full("PARTIAL"), List.of(
            new ReportView.RoleState("performance", false, "model answered invalid JSON twice", null)));

    @Test
    void headerNamesProjectStatusAndScan() {
        assertContains("# Conclave report: demo-shop");
        assertContains("| Status | PARTIAL |");
        assertContains("`" + SampleReports.SCAN_ID + "` (run 1)");
    }

    @Test
    void noticeComesBeforeAnySection() {
        assertContains("> **Notice:** Offline simulation: these answers come from the deterministic offline provider");
        assertTrue(markdown.indexOf("**Notice:**") < markdown.indexOf("\n## "), markdown);
    }

    @Test
    void staticScoresShowTheirScales() {
        assertContains("## Static scores");
        assertContains("| Code quality | 6.5 / 10 |");
        assertContains("| Deployment readiness | 40 % |");
        assertContains("| Documentation quality | 70 % |");
    }

    @Test
    void staticScoreFindingsSayWhatEachScoreCameFrom() {
        assertContains("### What the scores were computed from");
        assertContains("| Code quality | `tests_present` | +1.5 | 12 test files beside 40 source files |");
        assertContains("| Deployment readiness | `dockerfile` | -30 | No Dockerfile at the root |");
    }

    @Test
    void aggregatedInsightsListTopPrioritiesInOrder() {
        assertContains("## Aggregated insights");
        assertContains("**Vibecodibility:** 6 / 10 · **Fit:** 8 / 10");
        assertContains("A tidy monolith that is close to deployable.");
        assertContains("1. Containerise the app\n2. Move secrets out of the repository\n3. Add CI\n");
    }

    @Test
    void knownRoleSectionsShowEveryField() {
        assertContains("## Architect analysis");
        assertContains("**Architecture assessment:** A layered monolith with clear module boundaries.");
        assertContains("- Repository\n- Front controller\n");
        assertContains("**Scalability notes:** Stateless web tier; the database is the bottleneck.");
        assertContains("**Technical debt priority:** medium");

        assertContains("## Deployment analysis");
        assertContains("**Deployment strategy:** Container image behind a managed load balancer.");
        assertContains("**Infrastructure recommendations:** One small VM and a managed PostgreSQL.");
        assertContains("- No Dockerfile (severity: high)\n- Secrets in application.properties (severity: medium)\n");
        assertContains("**MVP roadmap:**\n\n- Write a Dockerfile\n- Add a CI workflow\n");

        assertContains("## Business analysis");
        assertContains("**Problem solved:** Small shops need a storefront without a platform fee.");
        assertContains("**Target audience:** Independent retailers");
        assertContains("**Monetization strategy:** Hosted tier at a monthly fee");
        assertContains("**Market viability:** 7 / 10");
        assertContains("**Portfolio suitable:** yes");
        assertContains("**Portfolio pitch:** A full-stack shop built end to end.");
    }

    @Test
    void unknownRoleSectionIsRenderedGenerically() {
        assertContains("## Security analysis");
        assertContains("**Threat summary:** Session cookies lack the Secure flag.");
        assertContains("**Exposed endpoints:**\n\n- /admin\n- /actuator/env\n");
        assertContains("**Risk matrix:**\n\n- **Injection:** low\n- **Auth:** high\n");
        assertContains("**CVE count:** 3");
    }

    @Test
    void rolesWithoutAnAnswerAreNamedWithTheirReason() {
        assertContains("## Roles without an answer");
        assertContains("- **performance** failed: model answered invalid JSON twice");
        assertContains("- **compliance** did not answer before the deadline");
    }

    @Test
    void metadataSaysWhatTheRunCost() {
        assertContains("## Metadata");
        assertContains("| Models used | offline/conclave-offline-1 |");
        assertContains("| Offline simulation | yes |");
        assertContains("| API calls | 4 |");
        assertContains("| Cache hits | 1 |");
        assertContains("| Tokens | 12 345 |");
        assertContains("| Cost | $0.00 |");
        assertContains("| Total time | 3.2 s |");
    }

    @Test
    void unknownTopLevelFieldIsNotDropped() {
        // A URL is shown whole in a code span: a model's answer must not make links (ModelOutputCannotChange...).
        assertContains("## Review URL\n\n`https://example.test/review/1`");
    }

    @Test
    void reportWithoutNoticeOrAbsentRolesHasNeither() {
        String plain = render(SampleReports.plain("COMPLETED"), List.of());

        assertFalse(plain.contains("Notice"), plain);
        assertFalse(plain.contains("Roles without an answer"), plain);
        assertTrue(plain.contains("| Cost | $0.0123 |"), plain);
    }

    private void assertContains(String expected) {
        assertTrue(markdown.contains(expected), () -> "expected\n" + expected + "\nin\n" + markdown);
    }

    private static String render(String reportJson, List<ReportView.RoleState> roles) {
        JsonNode report = WireJson.decode(reportJson, JsonNode.class);
        return new ReportTemplates().markdown(ReportView.of(report, roles));
    }
}
