package dev.conclave.cli;

import static dev.conclave.cli.MarkdownText.cell;
import static dev.conclave.cli.MarkdownText.codeCell;
import static dev.conclave.cli.MarkdownText.inline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.ReportMetadata;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import dev.conclave.model.SecretFindings;
import dev.conclave.model.StaticScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a report document as Markdown for people to read, share or commit. Every part of the
 * document appears: the known sections in a fixed layout, each {@code <role>_analysis} (known or
 * not) field by field, and any top-level field this CLI does not know at the end. Every text from the
 * report, field names included, is escaped ({@link MarkdownText}): model output cannot add links,
 * images, HTML or structure to the document.
 */
public final class MarkdownReport {

    /** Renders a report on its own, as saved; see {@link #render(JsonNode, List)} for role states. */
    public String render(JsonNode report) {
        return render(report, List.of());
    }

    /**
     * @param roles the scan's role states from the gateway, which explain failed roles; the
     *              report itself only names them
     */
    public String render(JsonNode report, List<RoleProgress> roles) {
        ReportDocument doc = ReportDocument.of(report);
        StringBuilder md = new StringBuilder();
        header(md, doc);
        staticScores(md, doc.staticScores());
        aggregatedInsights(md, doc.aggregatedInsights());
        for (ReportDocument.RoleSection section : doc.roleSections()) {
            roleSection(md, section);
        }
        absentRoles(md, doc, roles);
        metadata(md, doc.metadata());
        others(md, doc.otherFields());
        return md.toString().stripTrailing() + "\n";
    }

    private static void header(StringBuilder md, ReportDocument doc) {
        md.append("# Conclave report: ").append(inline(doc.projectName().orElse("(unnamed project)"))).append("\n\n");
        // The notice goes first: a reader must know before anything else that answers are simulated.
        doc.notice().ifPresent(notice -> md.append("> **Notice:** ").append(inline(notice)).append("\n\n"));
        md.append("| | |\n|---|---|\n");
        row(md, "Status", cell(doc.status().orElse("unknown")));
        row(md, "Scan", doc.scanId().map(MarkdownText::codeCell).orElse("unknown")
                + doc.run().map(run -> " (run " + run + ")").orElse(""));
        if (doc.json().hasNonNull("schema_version")) {
            row(md, "Report schema", cell("v" + doc.json().get("schema_version").asText()));
        }
        md.append('\n');
    }

    private static void staticScores(StringBuilder md, Optional<StaticScores> scores) {
        if (scores.isEmpty()) {
            return;
        }
        StaticScores s = scores.get();
        md.append("## Static scores\n\n");
        md.append("Computed from the file tree before any model was asked.\n\n");
        md.append("| Score | Value |\n|---|---|\n");
        row(md, "Code quality", cell(NumberText.decimal(s.codeQuality()) + " / 10"));
        row(md, "Deployment readiness", s.deploymentReadinessPercent() + " %");
        row(md, "Documentation quality", s.documentationQualityPercent() + " %");
        row(md, "Judged as", cell(ReportDocument.kindLabel(s.projectKind())));
        md.append('\n');
        if (!s.findings().isEmpty()) {
            md.append("### What the scores were computed from\n\n");
            md.append("| Score | Signal | Points | Detail |\n|---|---|---|---|\n");
            for (ScoreFinding finding : s.findings()) {
                md.append("| ").append(cell(ReportDocument.label(String.valueOf(finding.score()))))
                        .append(" | ").append(codeCell(finding.signal())).append(" | ")
                        .append(finding.points() > 0 ? "+" : "").append(NumberText.decimal(finding.points()))
                        .append(" | ").append(cell(finding.detail())).append(" |\n");
            }
            md.append('\n');
        }
        secretFindings(md, s.secretFindings());
    }

    /** Grouped by class, likely-real first, each by file and line so a reader can check it in a minute. */
    private static void secretFindings(StringBuilder md, SecretFindings secrets) {
        if (secrets.total() == 0 && secrets.problems().isEmpty()) {
            return;
        }
        md.append("### Secret-shaped values\n\n");
        for (String problem : secrets.problems()) {
            md.append("> **Not read:** ").append(inline(problem)).append("\n\n");
        }
        md.append("Every one was redacted before any model saw it; only likely-real ones are committed secrets. ")
                .append("Known false positives can be listed in `.conclave-false-positives` at the project's root.\n\n");
        for (SecretClass secretClass : SecretClass.values()) {
            int count = secrets.count(secretClass);
            if (count == 0) {
                continue;
            }
            List<SecretFinding> listed = secrets.listed(secretClass);
            md.append("**").append(ReportDocument.capitalised(secretClass.label())).append("** (").append(count)
                    .append(")\n\n| File | Line | Rule | Why |\n|---|---|---|---|\n");
            for (SecretFinding finding : listed) {
                md.append("| ").append(codeCell(finding.path())).append(" | ").append(finding.line()).append(" | ")
                        .append(codeCell(finding.rule())).append(" | ").append(cell(finding.reason())).append(" |\n");
            }
            if (listed.size() < count) {
                md.append("\n_").append(count - listed.size()).append(" more not listed._\n");
            }
            md.append('\n');
        }
    }

    private static void aggregatedInsights(StringBuilder md, Optional<AggregatedInsights> insights) {
        if (insights.isEmpty()) {
            return;
        }
        AggregatedInsights a = insights.get();
        md.append("## Aggregated insights\n\n");
        md.append("**Vibecodibility:** ").append(a.vibecodibilityScore()).append(" / 10 · **Fit:** ")
                .append(a.fitScore()).append(" / 10\n\n");
        if (a.overallAssessment() != null && !a.overallAssessment().isBlank()) {
            md.append(MarkdownText.paragraphs(a.overallAssessment())).append("\n\n");
        }
        List<String> priorities = a.topPriorities() == null ? List.of() : a.topPriorities();
        if (!priorities.isEmpty()) {
            md.append("### Top priorities\n\n");
            for (int i = 0; i < priorities.size(); i++) {
                md.append(i + 1).append(". ").append(inline(priorities.get(i))).append('\n');
            }
            md.append('\n');
        }
    }

    private static void roleSection(StringBuilder md, ReportDocument.RoleSection section) {
        md.append("## ").append(label(section.field())).append("\n\n");
        JsonNode analysis = section.analysis();
        if (analysis == null || analysis.isNull()) {
            md.append("_No analysis._\n\n");
        } else if (analysis.isObject()) {
            fields(md, analysis);
        } else {
            value(md, analysis, 0);
            md.append('\n');
        }
    }

    /** Field by field, for any role: the layout follows the data, not a schema this CLI knows. */
    private static void fields(StringBuilder md, JsonNode object) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String label = label(field.getKey());
            JsonNode value = field.getValue();
            if (value.isNull()) {
                md.append("**").append(label).append(":** _not given_\n\n");
            } else if (value.isValueNode()) {
                md.append("**").append(label).append(":** ").append(scalar(field.getKey(), value)).append("\n\n");
            } else if (value.isEmpty()) {
                md.append("**").append(label).append(":** _none_\n\n");
            } else {
                md.append("**").append(label).append(":**\n\n");
                value(md, value, 0);
                md.append('\n');
            }
        }
    }

    /** Arrays become bullet lists, objects nested "key: value" bullets, to any depth. */
    private static void value(StringBuilder md, JsonNode node, int depth) {
        String indent = "  ".repeat(depth);
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isArray()) {
                    md.append(indent).append("-\n");
                    value(md, item, depth + 1);
                } else {
                    md.append(indent).append("- ").append(item.isObject() ? objectLine(item) : inline(item.asText()))
                            .append('\n');
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                md.append(indent).append("- **").append(label(field.getKey())).append(":**");
                if (value.isContainerNode() && !value.isEmpty()) {
                    md.append('\n');
                    value(md, value, depth + 1);
                } else {
                    md.append(' ').append(value.isContainerNode() ? "_none_" : scalar(field.getKey(), value))
                            .append('\n');
                }
            }
        } else {
            md.append(indent).append(inline(node.asText())).append('\n');
        }
    }

    /**
     * An object inside a list on one line, its first field leading: a deployment blocker
     * {@code {"issue": "No Dockerfile", "severity": "high"}} reads "No Dockerfile (severity: high)".
     */
    private static String objectLine(JsonNode object) {
        List<String> rest = new ArrayList<>();
        String lead = null;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String text = field.getValue().isValueNode()
                    ? scalar(field.getKey(), field.getValue())
                    : inline(field.getValue().toString());
            if (lead == null) {
                lead = text;
            } else {
                rest.add(inline(ReportDocument.label(field.getKey()).toLowerCase(Locale.ROOT)) + ": " + text);
            }
        }
        if (lead == null) {
            return "_empty_";
        }
        return rest.isEmpty() ? lead : lead + " (" + String.join(", ", rest) + ")";
    }

    private static String scalar(String field, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "yes" : "no";
        }
        if (value.isNumber()) {
            String number = value.isIntegralNumber() ? value.asText() : NumberText.decimal(value.doubleValue());
            return number + NumberText.scaleSuffix(field);
        }
        return inline(value.asText());
    }

    private static void absentRoles(StringBuilder md, ReportDocument doc, List<RoleProgress> roles) {
        List<String> failed = doc.failedRoles();
        List<String> missing = doc.missingRoles();
        if (failed.isEmpty() && missing.isEmpty()) {
            return;
        }
        md.append("## Roles without an answer\n\n");
        for (String role : failed) {
            String reason = roles.stream()
                    .filter(r -> role.equals(r.role()) && r.failureReason() != null && !r.failureReason().isBlank())
                    .map(RoleProgress::failureReason)
                    .findFirst()
                    .map(r -> ": " + inline(r))
                    .orElse("");
            md.append("- **").append(inline(role)).append("** failed").append(reason).append('\n');
        }
        for (String role : missing) {
            md.append("- **").append(inline(role)).append("** did not answer before the deadline\n");
        }
        md.append('\n');
    }

    private static void metadata(StringBuilder md, Optional<ReportMetadata> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        ReportMetadata m = metadata.get();
        md.append("## Metadata\n\n| | |\n|---|---|\n");
        List<String> models = m.modelsUsed() == null ? List.of() : m.modelsUsed();
        row(md, "Models used", cell(models.isEmpty() ? "none" : String.join(", ", models)));
        row(md, "Offline simulation", m.offline() ? "yes" : "no");
        row(md, "API calls", String.valueOf(m.apiCalls()));
        row(md, "Cache hits", String.valueOf(m.cacheHits()));
        row(md, "Tokens", NumberText.grouped(m.tokens()));
        row(md, "Cost", NumberText.usd(m.costUsd()));
        row(md, "Total time", cell(NumberText.decimal(m.totalTimeSeconds()) + " s"));
        md.append('\n');
    }

    private static void others(StringBuilder md, Map<String, JsonNode> others) {
        for (Map.Entry<String, JsonNode> field : others.entrySet()) {
            md.append("## ").append(label(field.getKey())).append("\n\n");
            JsonNode value = field.getValue();
            if (value.isObject()) {
                fields(md, value);
            } else if (value.isArray()) {
                value(md, value, 0);
                md.append('\n');
            } else {
                md.append(scalar(field.getKey(), value)).append("\n\n");
            }
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    /** A field name as a label: model output too, so escaped like any text. */
    private static String label(String field) {
        return inline(ReportDocument.label(field));
    }
}
