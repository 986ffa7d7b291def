package dev.conclave.cli;

import static dev.conclave.cli.HtmlText.escape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.ReportMetadata;
import dev.conclave.model.RoleUsage;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import dev.conclave.model.SecretFindings;
import dev.conclave.model.StaticScores;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a report document as one self-contained HTML page: the scores as a radar, time per role
 * as bars, then what to do first, deployment blockers, the static score findings, every role's
 * analysis (known or not, field by field) and any top-level field this CLI does not know.
 *
 * <p>The page is inert on purpose: CSS inline, charts as SVG drawn in Java ({@link SvgCharts}), no
 * script at all, and a Content-Security-Policy that forbids loading anything. It opens offline,
 * from a mail or an archive, and looks the same years later. Every string of the report is model
 * output or a name from the scanned project, so each one is escaped ({@link HtmlText}); the policy
 * is the second line of defence should one ever slip through.
 */
public final class HtmlReport {

    /** No scripts, no fetches, no fonts or images from anywhere: only the inline style. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    static final String RADAR_ID = "score-radar";
    static final String TIME_BARS_ID = "role-time";
    static final String COST_BARS_ID = "role-cost";

    private static final List<String> SEVERITY_ORDER = List.of("critical", "high", "medium", "low");

    /** A score on the radar and in the table beside it. */
    private record Score(String label, double value, double max, String shown, String source) {
    }

    public String render(JsonNode report, List<RoleProgress> roles) {
        ReportDocument doc = ReportDocument.of(report);
        String name = doc.projectName().orElse("(unnamed project)");
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Conclave report: ").append(escape(name)).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        header(h, doc, name);
        notice(h, doc, roles);
        scores(h, doc);
        timeAndCost(h, doc, roles);
        priorities(h, doc.aggregatedInsights());
        blockers(h, doc);
        scoreFindings(h, doc.staticScores());
        secretFindings(h, doc.staticScores());
        for (ReportDocument.RoleSection section : doc.roleSections()) {
            roleSection(h, section);
        }
        absentRoles(h, doc, roles);
        others(h, doc.otherFields());
        h.append("<footer>Made by the conclave CLI from the scan's report. This page is self-contained:"
                + " it loads nothing and runs no script.</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, ReportDocument doc, String name) {
        String status = doc.status().orElse("UNKNOWN");
        h.append("<header>\n<h1>Conclave report: ").append(escape(name)).append("</h1>\n<p class=\"meta\">")
                .append("<span class=\"status status-").append(escape(status.toLowerCase(Locale.ROOT))).append("\">")
                .append(escape(status)).append("</span>");
        doc.scanId().ifPresent(id -> h.append(" scan <code>").append(escape(id)).append("</code>"));
        doc.run().ifPresent(run -> h.append(", run ").append(run));
        if (doc.json().hasNonNull("schema_version")) {
            h.append(", report schema v").append(escape(doc.json().get("schema_version").asText()));
        }
        h.append("</p>\n</header>\n");
    }

    /**
     * First thing on the page, because it changes how everything else reads: answers simulated by
     * the offline provider, or a panel that did not all answer.
     */
    private static void notice(StringBuilder h, ReportDocument doc, List<RoleProgress> roles) {
        boolean offline = doc.metadata().map(ReportMetadata::offline).orElse(false)
                || roles.stream().anyMatch(RoleProgress::offline);
        boolean partial = doc.status().filter("PARTIAL"::equalsIgnoreCase).isPresent()
                || !doc.failedRoles().isEmpty() || !doc.missingRoles().isEmpty();
        Optional<String> text = doc.notice();
        if (!offline && !partial && text.isEmpty()) {
            return;
        }
        String heading = offline && partial ? "Simulated and partial analysis"
                : offline ? "Simulated analysis"
                : partial ? "Partial report"
                : "Notice";
        h.append("<aside class=\"notice\" role=\"note\">\n<strong>").append(heading).append("</strong>\n<p>")
                .append(escape(text.orElse(offline
                        ? "These answers come from the offline simulator, not from a real model."
                        : "Not every role answered; the synthesis is built from those that did.")))
                .append("</p>\n");
        List<String> absent = new ArrayList<>();
        doc.failedRoles().forEach(role -> absent.add(role + " failed"));
        doc.missingRoles().forEach(role -> absent.add(role + " did not answer before the deadline"));
        if (!absent.isEmpty()) {
            h.append("<p>Without an answer: ").append(escape(String.join("; ", absent))).append(".</p>\n");
        }
        h.append("</aside>\n");
    }

    private static void scores(StringBuilder h, ReportDocument doc) {
        List<Score> scores = scoreList(doc);
        if (scores.isEmpty()) {
            return;
        }
        h.append("<section id=\"scores\">\n<h2>Scores</h2>\n<div class=\"scores\">\n");
        if (scores.size() >= 3) {
            h.append("<figure>\n").append(SvgCharts.radar(RADAR_ID, "Scores, each as a share of its scale",
                    scores.stream().map(s -> new SvgCharts.Axis(s.label(), s.value() / s.max(), s.shown())).toList()))
                    .append("<figcaption>Each axis is a score as a share of its own scale (0–10 or 0–100 %);"
                            + " the labels show the real values.</figcaption>\n</figure>\n");
        }
        h.append("<table class=\"score-table\">\n<thead><tr><th>Score</th><th>Value</th><th>From</th></tr></thead>\n"
                + "<tbody>\n");
        for (Score score : scores) {
            h.append("<tr><td>").append(escape(score.label())).append("</td><td class=\"num\">")
                    .append(escape(score.shown())).append("</td><td>").append(escape(score.source()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /** The six scores a report can have, in a fixed order; a score the report lacks is left out, not drawn as 0. */
    private static List<Score> scoreList(ReportDocument doc) {
        List<Score> scores = new ArrayList<>();
        doc.staticScores().ifPresent(s -> {
            scores.add(new Score("Code quality", s.codeQuality(), 10, NumberText.decimal(s.codeQuality()) + " / 10",
                    "static analysis"));
            scores.add(new Score("Deployment readiness", s.deploymentReadinessPercent(), 100,
                    s.deploymentReadinessPercent() + " %", "static analysis"));
            scores.add(new Score("Documentation quality", s.documentationQualityPercent(), 100,
                    s.documentationQualityPercent() + " %", "static analysis"));
        });
        doc.roleSection("business")
                .map(ReportDocument.RoleSection::analysis)
                .map(analysis -> analysis.get("market_viability"))
                .filter(JsonNode::isNumber)
                .ifPresent(v -> scores.add(new Score("Market viability", v.doubleValue(), 10,
                        NumberText.decimal(v.doubleValue()) + " / 10", "business role")));
        doc.aggregatedInsights().ifPresent(a -> {
            scores.add(new Score("Vibecodibility", a.vibecodibilityScore(), 10, a.vibecodibilityScore() + " / 10",
                    "synthesis"));
            scores.add(new Score("Fit", a.fitScore(), 10, a.fitScore() + " / 10", "synthesis"));
        });
        return scores;
    }

    /**
     * Time and cost per role come from the report's {@code metadata.roles} (added up from the run's
     * metrics rows, the synthesis included). Reports written before that field existed fall back to
     * the gateway's role states for time (started → answered) and show no per-role cost.
     */
    private static void timeAndCost(StringBuilder h, ReportDocument doc, List<RoleProgress> roles) {
        Optional<ReportMetadata> metadata = doc.metadata();
        List<RoleUsage> usage = metadata.map(ReportMetadata::roles).orElse(List.of());
        List<SvgCharts.Bar> bars = new ArrayList<>();
        List<SvgCharts.Bar> costs = new ArrayList<>();
        if (!usage.isEmpty()) {
            for (RoleUsage role : usage) {
                bars.add(new SvgCharts.Bar(role.role(), role.seconds(), NumberText.decimal(role.seconds()) + " s", false));
                BigDecimal cost = role.costUsd() == null ? BigDecimal.ZERO : role.costUsd();
                costs.add(new SvgCharts.Bar(role.role(), cost.doubleValue(), NumberText.usd(cost), false));
            }
        } else {
            for (RoleProgress role : roles) {
                role.took().ifPresent(took -> {
                    double seconds = took.toMillis() / 1000.0;
                    bars.add(new SvgCharts.Bar(role.role(), seconds, NumberText.decimal(seconds) + " s", false));
                });
            }
        }
        boolean roleTimes = !bars.isEmpty();
        metadata.filter(m -> m.totalTimeSeconds() > 0).ifPresent(m -> bars.add(new SvgCharts.Bar("whole scan",
                m.totalTimeSeconds(), NumberText.decimal(m.totalTimeSeconds()) + " s", true)));
        if (bars.isEmpty() && metadata.isEmpty()) {
            return;
        }
        h.append("<section id=\"time-and-cost\">\n<h2>Time and cost</h2>\n");
        if (!bars.isEmpty()) {
            h.append("<figure>\n").append(SvgCharts.bars(TIME_BARS_ID, "Time per role, and the whole scan", bars))
                    .append("</figure>\n");
        }
        if (!costs.isEmpty()) {
            h.append("<figure>\n").append(SvgCharts.bars(COST_BARS_ID, "Cost per role (USD)", costs))
                    .append("</figure>\n");
        }
        metadata.ifPresent(m -> {
            h.append("<dl class=\"cards\">\n");
            card(h, "Cost", NumberText.usd(m.costUsd()) + (m.offline() ? " (offline simulation)" : ""));
            card(h, "Tokens", NumberText.grouped(m.tokens()));
            card(h, "API calls", String.valueOf(m.apiCalls()));
            card(h, "Cache hits", String.valueOf(m.cacheHits()));
            card(h, "Total time", NumberText.decimal(m.totalTimeSeconds()) + " s");
            List<String> models = m.modelsUsed() == null ? List.of() : m.modelsUsed();
            card(h, "Models", models.isEmpty() ? "none" : String.join(", ", models));
            h.append("</dl>\n");
        });
        h.append("<p class=\"note\">")
                .append(!usage.isEmpty() ? "Time and cost per role are added up from the run's metrics rows,"
                        + " one per model call; a role's time runs from its first call to its last, retries included."
                        : (roleTimes ? "Role times are from the gateway's role states (started to answered)."
                                : "The report has no per-role times.")
                        + " This report carries cost only for the whole run, so there is no per-role cost chart.")
                .append("</p>\n</section>\n");
    }

    private static void card(StringBuilder h, String name, String value) {
        h.append("<div><dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd></div>\n");
    }

    private static void priorities(StringBuilder h, Optional<AggregatedInsights> insights) {
        if (insights.isEmpty()) {
            return;
        }
        AggregatedInsights a = insights.get();
        h.append("<section id=\"insights\">\n<h2>What to do first</h2>\n");
        if (a.overallAssessment() != null && !a.overallAssessment().isBlank()) {
            h.append("<p class=\"assessment\">").append(escape(a.overallAssessment().strip())).append("</p>\n");
        }
        List<String> priorities = a.topPriorities() == null ? List.of() : a.topPriorities();
        if (!priorities.isEmpty()) {
            h.append("<ol class=\"priorities\">\n");
            priorities.forEach(p -> h.append("<li>").append(escape(p)).append("</li>\n"));
            h.append("</ol>\n");
        }
        h.append("</section>\n");
    }

    /** The deployment role's blockers, worst first, each with its severity as a badge. */
    private static void blockers(StringBuilder h, ReportDocument doc) {
        JsonNode list = doc.roleSection("deployment")
                .map(ReportDocument.RoleSection::analysis)
                .map(analysis -> analysis.get("deployment_blockers"))
                .filter(JsonNode::isArray)
                .orElse(null);
        if (list == null || list.isEmpty()) {
            return;
        }
        List<JsonNode> blockers = new ArrayList<>();
        list.forEach(blockers::add);
        blockers.sort(Comparator.comparingInt(b -> severityRank(b.path("severity").asText(""))));
        h.append("<section id=\"blockers\">\n<h2>Deployment blockers</h2>\n<table>\n"
                + "<thead><tr><th>Severity</th><th>Issue</th></tr></thead>\n<tbody>\n");
        for (JsonNode blocker : blockers) {
            String issue = blocker.isObject() ? blocker.path("issue").asText(blocker.toString()) : blocker.asText();
            h.append("<tr><td>").append(severity(blocker.path("severity").asText(""))).append("</td><td>")
                    .append(escape(issue)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static int severityRank(String severity) {
        int rank = SEVERITY_ORDER.indexOf(severity.strip().toLowerCase(Locale.ROOT));
        return rank < 0 ? SEVERITY_ORDER.size() : rank;
    }

    private static String severity(String severity) {
        String shown = severity.isBlank() ? "unrated" : severity.strip().toLowerCase(Locale.ROOT);
        String kind = SEVERITY_ORDER.contains(shown) ? shown : "other";
        return "<span class=\"badge sev-" + kind + "\">" + escape(shown) + "</span>";
    }

    /** What each static score was computed from, so a reader can check the number. */
    private static void scoreFindings(StringBuilder h, Optional<StaticScores> scores) {
        List<ScoreFinding> findings = scores.map(StaticScores::findings).orElse(List.of());
        if (findings.isEmpty()) {
            return;
        }
        h.append("<section id=\"score-findings\">\n<h2>Static score findings</h2>\n<p class=\"kind\">Judged as: ")
                .append(escape(ReportDocument.kindLabel(scores.get().projectKind()))).append("</p>\n<table>\n<thead><tr>"
                + "<th>Score</th><th>Signal</th><th class=\"num\">Points</th><th>Detail</th></tr></thead>\n<tbody>\n");
        for (ScoreFinding finding : findings) {
            String points = (finding.points() > 0 ? "+" : "") + NumberText.decimal(finding.points());
            h.append("<tr><td>").append(escape(ReportDocument.label(String.valueOf(finding.score()))))
                    .append("</td><td><code>").append(escape(finding.signal())).append("</code></td><td class=\"num ")
                    .append(finding.points() < 0 ? "minus" : "plus").append("\">").append(escape(points))
                    .append("</td><td>").append(escape(finding.detail())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">Points are in each score's own unit:"
                + " on the 0–10 scale for code quality, percentage points for the others.</p>\n</section>\n");
    }

    /** Grouped by class, likely-real first, each by file and line; never a value (the scanner never kept one). */
    private static void secretFindings(StringBuilder h, Optional<StaticScores> scores) {
        SecretFindings secrets = scores.map(StaticScores::secretFindings).orElse(SecretFindings.NONE);
        if (secrets.total() == 0 && secrets.problems().isEmpty()) {
            return;
        }
        h.append("<section id=\"secret-findings\">\n<h2>Secret-shaped values</h2>\n<p class=\"note\">Every one was"
                + " redacted before any model saw it; only likely-real ones are committed secrets. Known false positives"
                + " can be listed in <code>.conclave-false-positives</code> at the project's root.</p>\n");
        for (String problem : secrets.problems()) {
            h.append("<p class=\"note\"><strong>Not read:</strong> ").append(escape(problem)).append("</p>\n");
        }
        for (SecretClass secretClass : SecretClass.values()) {
            int count = secrets.count(secretClass);
            if (count == 0) {
                continue;
            }
            List<SecretFinding> listed = secrets.listed(secretClass);
            h.append("<h3>").append(escape(ReportDocument.capitalised(secretClass.label()))).append(" (").append(count)
                    .append(")</h3>\n<table>\n<thead><tr><th>File</th><th class=\"num\">Line</th><th>Rule</th>"
                            + "<th>Why</th></tr></thead>\n<tbody>\n");
            for (SecretFinding finding : listed) {
                h.append("<tr><td><code>").append(escape(finding.path())).append("</code></td><td class=\"num\">")
                        .append(finding.line()).append("</td><td><code>").append(escape(finding.rule()))
                        .append("</code></td><td>").append(escape(finding.reason())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            if (listed.size() < count) {
                h.append("<p class=\"note\">").append(count - listed.size()).append(" more not listed.</p>\n");
            }
        }
        h.append("</section>\n");
    }

    private static void roleSection(StringBuilder h, ReportDocument.RoleSection section) {
        h.append("<section class=\"role\" id=\"role-").append(escape(section.role())).append("\">\n<details open>\n")
                .append("<summary><h2>").append(escape(ReportDocument.label(section.field())))
                .append("</h2></summary>\n");
        JsonNode analysis = section.analysis();
        if (analysis == null || analysis.isNull()) {
            h.append("<p class=\"none\">No analysis.</p>\n");
        } else if (analysis.isObject()) {
            fields(h, analysis);
        } else {
            value(h, section.field(), analysis);
        }
        h.append("</details>\n</section>\n");
    }

    /** Field by field, for any role: the layout follows the data, not a schema this CLI knows. */
    private static void fields(StringBuilder h, JsonNode object) {
        h.append("<dl class=\"fields\">\n");
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            h.append("<dt>").append(escape(ReportDocument.label(field.getKey()))).append("</dt>\n<dd>");
            value(h, field.getKey(), field.getValue());
            h.append("</dd>\n");
        }
        h.append("</dl>\n");
    }

    private static void value(StringBuilder h, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            h.append("<span class=\"none\">not given</span>");
        } else if (value.isValueNode()) {
            h.append(scalar(field, value));
        } else if (value.isEmpty()) {
            h.append("<span class=\"none\">none</span>");
        } else if (value.isArray()) {
            h.append("<ul>\n");
            for (JsonNode item : value) {
                h.append("<li>");
                if (item.isObject()) {
                    objectLine(h, item);
                } else {
                    value(h, field, item);
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        } else {
            fields(h, value);
        }
    }

    /** An object in a list on one line, its first field leading: "No Dockerfile (severity: high)". */
    private static void objectLine(StringBuilder h, JsonNode object) {
        boolean first = true;
        List<String> rest = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            String shown = value.isValueNode() ? scalar(field.getKey(), value) : escape(value.toString());
            if (first) {
                h.append(shown);
                first = false;
            } else {
                rest.add(escape(ReportDocument.label(field.getKey()).toLowerCase(Locale.ROOT)) + ": " + shown);
            }
        }
        if (!rest.isEmpty()) {
            h.append(" <span class=\"aside\">(").append(String.join(", ", rest)).append(")</span>");
        }
    }

    /** A scalar as escaped HTML: yes/no, numbers with their known scale, severities as badges. */
    private static String scalar(String field, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "yes" : "no";
        }
        if (value.isNumber()) {
            String number = value.isIntegralNumber() ? value.asText() : NumberText.decimal(value.doubleValue());
            return escape(number + NumberText.scaleSuffix(field));
        }
        if (field.equals("severity")) {
            return severity(value.asText());
        }
        return escape(value.asText());
    }

    private static void absentRoles(StringBuilder h, ReportDocument doc, List<RoleProgress> roles) {
        if (doc.failedRoles().isEmpty() && doc.missingRoles().isEmpty()) {
            return;
        }
        h.append("<section id=\"absent-roles\">\n<h2>Roles without an answer</h2>\n<ul>\n");
        for (String role : doc.failedRoles()) {
            String reason = roles.stream()
                    .filter(r -> role.equals(r.role()) && r.failureReason() != null && !r.failureReason().isBlank())
                    .map(RoleProgress::failureReason)
                    .findFirst()
                    .map(r -> ": " + escape(r))
                    .orElse("");
            h.append("<li><strong>").append(escape(role)).append("</strong> failed").append(reason).append("</li>\n");
        }
        for (String role : doc.missingRoles()) {
            h.append("<li><strong>").append(escape(role)).append("</strong> did not answer before the deadline</li>\n");
        }
        h.append("</ul>\n</section>\n");
    }

    private static void others(StringBuilder h, Map<String, JsonNode> others) {
        for (Map.Entry<String, JsonNode> field : others.entrySet()) {
            h.append("<section class=\"other\">\n<h2>").append(escape(ReportDocument.label(field.getKey())))
                    .append("</h2>\n");
            if (field.getValue().isObject()) {
                fields(h, field.getValue());
            } else {
                h.append("<p>");
                value(h, field.getKey(), field.getValue());
                h.append("</p>\n");
            }
            h.append("</section>\n");
        }
    }

    private static final String STYLE = """
            :root { --ink: #1f2430; --muted: #5b6372; --line: #dde1e8; --panel: #f6f7f9; --accent: #3b5bdb;
                    --good: #2b8a3e; --warn: #e67700; --bad: #c92a2a; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #fff;
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
            main { max-width: 980px; margin: 0 auto; padding: 24px 20px 40px; }
            h1 { font-size: 26px; margin: 0 0 4px; overflow-wrap: anywhere; }
            h2 { font-size: 19px; margin: 0 0 12px; display: inline-block; }
            section { border-top: 1px solid var(--line); padding: 18px 0 8px; }
            .meta { color: var(--muted); margin: 0 0 16px; }
            code { font: 13px ui-monospace, "DejaVu Sans Mono", monospace; background: var(--panel);
                   padding: 1px 4px; border-radius: 3px; }
            .status { display: inline-block; padding: 1px 10px; border-radius: 10px; font-weight: 600; color: #fff;
                      background: var(--muted); margin-right: 6px; }
            .status-completed { background: var(--good); } .status-partial { background: var(--warn); }
            .status-failed { background: var(--bad); }
            .notice { border: 1px solid #f0c36d; border-left: 6px solid var(--warn); background: #fff8e6;
                      padding: 10px 16px; border-radius: 4px; margin: 0 0 18px; }
            .notice p { margin: 4px 0; }
            .scores { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
            figure { margin: 0; flex: 1 1 420px; }
            figcaption, .note { color: var(--muted); font-size: 13px; }
            .chart { width: 100%; height: auto; max-width: 640px; display: block; }
            .radar .ring { fill: none; stroke: var(--line); }
            .radar .spoke { stroke: var(--line); }
            .radar .area { fill: rgba(59, 91, 219, 0.22); stroke: var(--accent); stroke-width: 2; }
            .radar .point { fill: var(--accent); }
            .axis-label { font-size: 13px; fill: var(--muted); }
            .axis-value { font-weight: 700; fill: var(--ink); }
            .bars .bar { fill: var(--accent); } .bars .bar.overall { fill: #adb5bd; }
            .bar-label, .bar-value { font-size: 13px; fill: var(--ink); }
            table { border-collapse: collapse; width: 100%; margin: 0 0 8px; }
            .score-table { width: auto; flex: 0 1 340px; } .score-table td { white-space: nowrap; }
            th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { background: var(--panel); font-weight: 600; }
            td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.plus { color: var(--good); } td.minus { color: var(--bad); }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
            .cards div { background: var(--panel); border-radius: 6px; padding: 8px 12px; }
            .cards dt { color: var(--muted); font-size: 13px; } .cards dd { margin: 0; font-weight: 600;
                        overflow-wrap: anywhere; }
            .assessment { font-size: 16px; }
            .priorities li { margin: 4px 0; }
            .badge { display: inline-block; min-width: 64px; text-align: center; padding: 0 8px; border-radius: 10px;
                     font-size: 12px; font-weight: 700; text-transform: uppercase; color: #fff; background: var(--muted); }
            .sev-critical { background: #862e9c; } .sev-high { background: var(--bad); }
            .sev-medium { background: var(--warn); } .sev-low { background: #868e96; }
            summary { cursor: pointer; } summary h2 { margin-bottom: 8px; }
            dl.fields { margin: 0; } dl.fields dt { font-weight: 600; margin-top: 8px; }
            dl.fields dd { margin: 2px 0 0 0; overflow-wrap: anywhere; } dl.fields dd ul { margin: 2px 0; }
            dl.fields dl.fields { padding-left: 14px; border-left: 2px solid var(--line); }
            .none, .aside { color: var(--muted); }
            footer { border-top: 1px solid var(--line); margin-top: 24px; padding-top: 10px; color: var(--muted);
                     font-size: 12px; }
            @media print { .notice { break-inside: avoid; } section { break-inside: avoid-page; } }
            """;
}
