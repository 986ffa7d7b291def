package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.PanelRoles;
import dev.conclave.model.ReportMetadata;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFindings;
import dev.conclave.model.StaticScores;
import dev.conclave.report.NumberText;
import dev.conclave.report.PrintableText;
import dev.conclave.report.ReportDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few screens a user reads when a scan ends: the status, the scores, what to do first, one
 * line per role and what the run cost. The full text is in the Markdown report; this is the
 * part worth reading in a terminal.
 */
public final class TerminalSummary {

    private static final int WIDTH = 100;
    /** Each role's headline field (conclave.roles.<role>.headline, as shipped); a role without one shows its first text. */
    private static final PanelRoles PANEL = PanelRoles.defaults();

    public String render(ScanProgress scan) {
        ReportDocument doc = ReportDocument.of(scan.result());
        StringBuilder out = new StringBuilder();
        String name = doc.projectName().orElse(scan.name() == null ? "(unnamed project)" : scan.name());
        String title = " Conclave report: " + name + " - " + scan.status() + " ";
        out.append('\n').append("=".repeat(4)).append(title)
                .append("=".repeat(Math.max(4, WIDTH - 4 - title.length()))).append('\n');
        out.append("scan ").append(scan.scanId()).append(", run ").append(scan.run()).append('\n');

        doc.notice().ifPresent(notice -> notice(out, notice));
        if (scan.failureReason() != null && !scan.failureReason().isBlank()) {
            out.append("\nReason: ").append(scan.failureReason().strip()).append('\n');
        }
        if (!scan.hasResult()) {
            out.append("\nThe gateway returned no report for this run.\n");
        }
        doc.staticScores().ifPresent(scores -> staticScores(out, scores));
        doc.aggregatedInsights().ifPresent(insights -> insights(out, insights));
        roles(out, scan, doc);
        doc.metadata().ifPresent(metadata -> metadata(out, metadata));
        return PrintableText.printable(out.toString());
    }

    /** Boxed, because an offline simulation or a partial panel changes how everything else reads. */
    private static void notice(StringBuilder out, String notice) {
        String border = "  " + "*".repeat(WIDTH - 2);
        out.append('\n').append(border).append('\n');
        for (String line : wrap("NOTICE: " + notice, WIDTH - 6)) {
            out.append("  * ").append(line).append('\n');
        }
        out.append(border).append('\n');
    }

    private static void staticScores(StringBuilder out, StaticScores scores) {
        out.append("\nStatic scores\n");
        line(out, "code quality", NumberText.decimal(scores.codeQuality()) + " / 10");
        line(out, "deployment readiness", scores.deploymentReadinessPercent() + " %");
        line(out, "documentation quality", scores.documentationQualityPercent() + " %");
        line(out, "judged as", ReportDocument.kindLabel(scores.projectKind()));
        SecretFindings secrets = scores.secretFindings();
        if (secrets.total() > 0) {
            // Counts only: the report file lists each by file and line.
            line(out, "secret-shaped values", secrets.total() + " redacted, " + secrets.count(SecretClass.LIKELY_REAL)
                    + " likely real");
        }
    }

    private static void insights(StringBuilder out, AggregatedInsights insights) {
        out.append("\nAggregated insights: vibecodibility ").append(insights.vibecodibilityScore())
                .append(" / 10, fit ").append(insights.fitScore()).append(" / 10\n");
        if (insights.overallAssessment() != null && !insights.overallAssessment().isBlank()) {
            wrap(insights.overallAssessment(), WIDTH - 2).forEach(l -> out.append("  ").append(l).append('\n'));
        }
        List<String> priorities = insights.topPriorities() == null ? List.of() : insights.topPriorities();
        if (!priorities.isEmpty()) {
            out.append("  Top priorities\n");
            for (int i = 0; i < priorities.size(); i++) {
                List<String> lines = wrap(priorities.get(i), WIDTH - 7);
                for (int l = 0; l < lines.size(); l++) {
                    out.append(l == 0 ? "    " + (i + 1) + ". " : "       ").append(lines.get(l)).append('\n');
                }
            }
        }
    }

    /**
     * One line per role: the gateway's role states say who failed and why; the report's sections
     * give the headline; roles only one of them knows still get their line.
     */
    private static void roles(StringBuilder out, ScanProgress scan, ReportDocument doc) {
        Map<String, RoleLine> lines = new LinkedHashMap<>();
        for (RoleProgress role : scan.roles()) {
            String detail = role.failureReason() != null && !role.failureReason().isBlank()
                    ? role.failureReason()
                    : doc.roleSection(role.role()).map(TerminalSummary::headline).orElse(role.answeredBy());
            lines.put(role.role(), new RoleLine(role.state(), detail));
        }
        for (ReportDocument.RoleSection section : doc.roleSections()) {
            lines.putIfAbsent(section.role(), new RoleLine("SUCCEEDED", headline(section)));
        }
        for (String failed : doc.failedRoles()) {
            lines.putIfAbsent(failed, new RoleLine("FAILED", ""));
        }
        for (String missing : doc.missingRoles()) {
            lines.putIfAbsent(missing, new RoleLine("MISSING", "did not answer before the deadline"));
        }
        if (lines.isEmpty()) {
            return;
        }
        out.append("\nRoles\n");
        lines.forEach((role, line) -> out.append(String.format("  %-12s %-10s %s%n",
                role, line.state(), clip(line.detail(), WIDTH - 26))));
    }

    private record RoleLine(String state, String detail) {
    }

    private static void metadata(StringBuilder out, ReportMetadata metadata) {
        out.append("\nMetadata\n");
        List<String> models = metadata.modelsUsed() == null ? List.of() : metadata.modelsUsed();
        line(out, "models", models.isEmpty() ? "none" : String.join(", ", models));
        line(out, "api calls", metadata.apiCalls() + ", cache hits " + metadata.cacheHits());
        line(out, "tokens", NumberText.grouped(metadata.tokens()));
        line(out, "cost", NumberText.usd(metadata.costUsd()) + (metadata.offline() ? " (offline simulation)" : ""));
        line(out, "total time", NumberText.decimal(metadata.totalTimeSeconds()) + " s");
    }

    /** A role's one-line gist: its headline field's first sentence, or the first text it has. */
    static String headline(ReportDocument.RoleSection section) {
        JsonNode analysis = section.analysis();
        if (analysis == null || !analysis.isObject()) {
            return analysis == null || analysis.isNull() ? "" : analysis.asText();
        }
        Optional<String> text = PANEL.role(section.role()).flatMap(PanelRoles.Role::headline)
                .map(analysis::get)
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        if (text.isEmpty()) {
            for (JsonNode value : analysis) {
                if (value.isTextual() && !value.asText().isBlank()) {
                    text = Optional.of(value.asText());
                    break;
                }
            }
        }
        return text.map(TerminalSummary::firstSentence).orElse("");
    }

    private static String firstSentence(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        int end = flat.indexOf(". ");
        return end > 0 ? flat.substring(0, end + 1) : flat;
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format("  %-23s %s%n", name, value));
    }

    private static String clip(String text, int width) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= width ? flat : flat.substring(0, width - 3) + "...";
    }

    /** Greedy word wrap; a word longer than the width gets a line of its own. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!current.isEmpty() && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(word);
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}
