package dev.conclave.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.PanelRoles;
import dev.conclave.model.ReportMetadata;
import dev.conclave.model.RoleUsage;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import dev.conclave.model.SecretFindings;
import dev.conclave.model.StaticScores;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a report shows, section by section, decided once from the report document (and the scan's
 * role states, which explain failed roles and time them): the HTML page and the Markdown file are two
 * templates over this one view ({@link ReportTemplates}). Texts are kept as they came (model output,
 * names from the scanned project); each template escapes them for its format. A section the report
 * lacks is null or empty, and the templates leave it out.
 *
 * @param scores       every score the report has, in a fixed order; one it lacks is left out, not shown as 0
 * @param radar        the scores as a radar; null below three scores
 * @param blockers     the deployment role's blockers, worst first
 * @param roleSections every {@code <role>_analysis}, known or not, in the report's order
 * @param otherSections top-level fields with no place of their own (additions of a newer gateway)
 */
public record ReportView(
        Header header,
        Notice notice,
        List<Score> scores,
        Charts.Radar radar,
        StaticScoresView staticScores,
        Insights insights,
        List<Blocker> blockers,
        TimeAndCost timeAndCost,
        Metadata metadata,
        List<Section> roleSections,
        AbsentRoles absentRoles,
        List<Section> otherSections) {

    /** The roles' titles and order, as shipped (shared-model's defaults): reports are read where no service's configuration is. */
    private static final PanelRoles PANEL = PanelRoles.defaults();
    public static final String RADAR_ID = "score-radar";
    public static final String TIME_BARS_ID = "role-time";
    public static final String COST_BARS_ID = "role-cost";

    /**
     * Where one role of the scan stands, as far as the report needs it; the report itself only names
     * failed roles.
     *
     * @param took how long its worker took, or null when not known
     */
    public record RoleState(String role, boolean offline, String failureReason, Duration took) {
    }

    /**
     * @param status      as the report says it, "UNKNOWN" when it does not
     * @param statusClass the status in lower case, for the badge's colour
     * @param notice      the report's own notice, or null
     */
    public record Header(String projectName, String status, String statusClass, String scanId, Integer run,
            String schemaVersion, String notice) {
    }

    /**
     * What changes how everything else reads: answers simulated by the offline provider, or a panel
     * that did not all answer.
     *
     * @param withoutAnswer "performance failed; compliance did not answer before the deadline", or null
     */
    public record Notice(String heading, String text, String withoutAnswer) {
    }

    /** A score as the table and the radar show it: "6.5 / 10" from "static analysis". */
    public record Score(String label, String shown, String source) {
    }

    /** The static scores with what they were computed from. */
    public record StaticScoresView(String codeQuality, String deploymentReadiness, String documentationQuality,
            String kind, List<Finding> findings, Secrets secrets) {
    }

    /** @param points signed, in the score's own unit: "+1.5", "-30" */
    public record Finding(String score, String signal, String points, boolean negative, String detail) {
    }

    /** Secret-shaped values by class, likely-real first; never a value (the scanner never kept one). */
    public record Secrets(List<String> problems, List<SecretGroup> groups) {
    }

    /** @param notListed how many of the class the report counts but does not list */
    public record SecretGroup(String label, int count, List<SecretFinding> listed, int notListed) {
    }

    /** @param overallAssessment null when blank */
    public record Insights(String overallAssessment, List<String> priorities, int vibecodibility, int fit) {
    }

    public record Blocker(FieldValue.Severity severity, String issue) {
    }

    /**
     * @param time null when no time is known; a bar per role and one for the whole scan
     * @param cost        null when the report has no cost per role
     * @param fromMetrics true when time and cost per role come from the report's metrics
     * @param roleTimes   true when the role times come from the gateway's role states instead
     */
    public record TimeAndCost(Charts.Bars time, Charts.Bars cost, boolean fromMetrics, boolean roleTimes) {
    }

    /** The run's totals, worded: "$0.0123", "12 345", "3.2 s". */
    public record Metadata(String models, boolean offline, int apiCalls, int cacheHits, String tokens, String cost,
            String totalTime) {
    }

    /**
     * A role's analysis, or a top-level field.
     *
     * @param key     the role, or the field's name
     * @param content null when the role has no analysis
     */
    public record Section(String key, String label, FieldValue content) {
    }

    /** @param reason why the gateway says it failed, or null */
    public record FailedRole(String role, String reason) {
    }

    public record AbsentRoles(List<FailedRole> failed, List<String> missing) {
    }

    /** Builds the view of a report document; a missing or non-object report is an empty one. */
    public static ReportView of(JsonNode report, List<RoleState> roles) {
        ReportDocument doc = ReportDocument.of(report);
        Optional<StaticScores> staticScores = doc.staticScores();
        Optional<AggregatedInsights> insights = doc.aggregatedInsights();
        Optional<ReportMetadata> metadata = doc.metadata();
        List<Scale> scales = scales(doc);
        return new ReportView(
                header(doc),
                notice(doc, roles),
                scales.stream().map(Scale::score).toList(),
                scales.size() >= 3 ? radar(scales) : null,
                staticScores.map(ReportView::staticScores).orElse(null),
                insights.map(ReportView::insights).orElse(null),
                blockers(doc),
                timeAndCost(metadata, roles),
                metadata.map(ReportView::metadata).orElse(null),
                doc.roleSections().stream().sorted(Comparator.comparingInt(section -> PANEL.order(section.role())))
                        .map(ReportView::roleSection).toList(),
                absentRoles(doc, roles),
                doc.otherFields().entrySet().stream()
                        .map(field -> new Section(field.getKey(), ReportDocument.label(field.getKey()),
                                FieldValue.of(field.getKey(), field.getValue())))
                        .toList());
    }

    private static Header header(ReportDocument doc) {
        String status = doc.status().orElse("UNKNOWN");
        JsonNode schema = doc.json().get("schema_version");
        return new Header(doc.projectName().orElse("(unnamed project)"), status, status.toLowerCase(Locale.ROOT),
                doc.scanId().orElse(null), doc.run().orElse(null),
                schema == null || schema.isNull() ? null : schema.asText(), doc.notice().orElse(null));
    }

    private static Notice notice(ReportDocument doc, List<RoleState> roles) {
        boolean offline = doc.metadata().map(ReportMetadata::offline).orElse(false)
                || roles.stream().anyMatch(RoleState::offline);
        boolean partial = doc.status().filter("PARTIAL"::equalsIgnoreCase).isPresent()
                || !doc.failedRoles().isEmpty() || !doc.missingRoles().isEmpty();
        Optional<String> text = doc.notice();
        if (!offline && !partial && text.isEmpty()) {
            return null;
        }
        String heading = offline && partial ? "Simulated and partial analysis"
                : offline ? "Simulated analysis"
                : partial ? "Partial report"
                : "Notice";
        List<String> absent = new ArrayList<>();
        doc.failedRoles().forEach(role -> absent.add(role + " failed"));
        doc.missingRoles().forEach(role -> absent.add(role + " did not answer before the deadline"));
        return new Notice(heading, text.orElse(offline
                        ? "These answers come from the offline simulator, not from a real model."
                        : "Not every role answered; the synthesis is built from those that did."),
                absent.isEmpty() ? null : String.join("; ", absent));
    }

    /** A score with where it sits on its scale (0 to 1), for the radar. */
    private record Scale(Score score, double fraction) {
    }

    /** The six scores a report can have, in a fixed order. */
    private static List<Scale> scales(ReportDocument doc) {
        List<Scale> scores = new ArrayList<>();
        doc.staticScores().ifPresent(s -> {
            scores.add(new Scale(new Score("Code quality", NumberText.decimal(s.codeQuality()) + " / 10",
                    "static analysis"), s.codeQuality() / 10));
            scores.add(new Scale(new Score("Deployment readiness", s.deploymentReadinessPercent() + " %",
                    "static analysis"), s.deploymentReadinessPercent() / 100.0));
            scores.add(new Scale(new Score("Documentation quality", s.documentationQualityPercent() + " %",
                    "static analysis"), s.documentationQualityPercent() / 100.0));
        });
        doc.roleSection("business")
                .map(ReportDocument.RoleSection::analysis)
                .map(analysis -> analysis.get("market_viability"))
                .filter(JsonNode::isNumber)
                .ifPresent(v -> scores.add(new Scale(new Score("Market viability",
                        NumberText.decimal(v.doubleValue()) + " / 10", "business role"), v.doubleValue() / 10)));
        doc.aggregatedInsights().ifPresent(a -> {
            scores.add(new Scale(new Score("Vibecodibility", a.vibecodibilityScore() + " / 10", "synthesis"),
                    a.vibecodibilityScore() / 10.0));
            scores.add(new Scale(new Score("Fit", a.fitScore() + " / 10", "synthesis"), a.fitScore() / 10.0));
        });
        return scores;
    }

    private static Charts.Radar radar(List<Scale> scales) {
        return Charts.radar(RADAR_ID, "Scores, each as a share of its scale", scales.stream()
                .map(s -> new Charts.Axis(s.score().label(), s.fraction(), s.score().shown()))
                .toList());
    }

    private static StaticScoresView staticScores(StaticScores s) {
        List<Finding> findings = s.findings().stream().map(ReportView::finding).toList();
        return new StaticScoresView(NumberText.decimal(s.codeQuality()) + " / 10",
                s.deploymentReadinessPercent() + " %", s.documentationQualityPercent() + " %",
                ReportDocument.kindLabel(s.projectKind()), findings, secrets(s.secretFindings()));
    }

    private static Finding finding(ScoreFinding finding) {
        return new Finding(ReportDocument.label(String.valueOf(finding.score())), finding.signal(),
                (finding.points() > 0 ? "+" : "") + NumberText.decimal(finding.points()), finding.points() < 0,
                finding.detail());
    }

    private static Secrets secrets(SecretFindings secrets) {
        if (secrets == null || (secrets.total() == 0 && secrets.problems().isEmpty())) {
            return null;
        }
        List<SecretGroup> groups = new ArrayList<>();
        for (SecretClass secretClass : SecretClass.values()) {
            int count = secrets.count(secretClass);
            if (count > 0) {
                List<SecretFinding> listed = secrets.listed(secretClass);
                groups.add(new SecretGroup(ReportDocument.capitalised(secretClass.label()), count, listed,
                        count - listed.size()));
            }
        }
        return new Secrets(secrets.problems(), groups);
    }

    private static Insights insights(AggregatedInsights a) {
        String assessment = a.overallAssessment() == null || a.overallAssessment().isBlank()
                ? null : a.overallAssessment().strip();
        return new Insights(assessment, a.topPriorities() == null ? List.of() : a.topPriorities(),
                a.vibecodibilityScore(), a.fitScore());
    }

    private static List<Blocker> blockers(ReportDocument doc) {
        JsonNode list = doc.roleSection("deployment")
                .map(ReportDocument.RoleSection::analysis)
                .map(analysis -> analysis.get("deployment_blockers"))
                .filter(JsonNode::isArray)
                .orElse(null);
        if (list == null) {
            return List.of();
        }
        List<JsonNode> blockers = new ArrayList<>();
        list.forEach(blockers::add);
        blockers.sort(Comparator.comparingInt(b -> FieldValue.Severity.rank(b.path("severity").asText(""))));
        return blockers.stream()
                .map(b -> new Blocker(FieldValue.Severity.of(b.path("severity").asText("")),
                        b.isObject() ? b.path("issue").asText(b.toString()) : b.asText()))
                .toList();
    }

    /**
     * Time and cost per role come from the report's {@code metadata.roles} (added up from the run's
     * metrics rows, the synthesis included). Reports written before that field existed fall back to
     * the gateway's role states for time (started → answered) and show no per-role cost.
     */
    private static TimeAndCost timeAndCost(Optional<ReportMetadata> metadata, List<RoleState> roles) {
        List<RoleUsage> usage = metadata.map(ReportMetadata::roles).orElse(List.of());
        List<Charts.Bar> bars = new ArrayList<>();
        List<Charts.Bar> costs = new ArrayList<>();
        if (!usage.isEmpty()) {
            for (RoleUsage role : usage) {
                bars.add(new Charts.Bar(role.role(), role.seconds(), NumberText.decimal(role.seconds()) + " s", false));
                BigDecimal cost = role.costUsd() == null ? BigDecimal.ZERO : role.costUsd();
                costs.add(new Charts.Bar(role.role(), cost.doubleValue(), NumberText.usd(cost), false));
            }
        } else {
            for (RoleState role : roles) {
                if (role.took() != null) {
                    double seconds = role.took().toMillis() / 1000.0;
                    bars.add(new Charts.Bar(role.role(), seconds, NumberText.decimal(seconds) + " s", false));
                }
            }
        }
        boolean roleTimes = !bars.isEmpty();
        metadata.filter(m -> m.totalTimeSeconds() > 0).ifPresent(m -> bars.add(new Charts.Bar("whole scan",
                m.totalTimeSeconds(), NumberText.decimal(m.totalTimeSeconds()) + " s", true)));
        if (bars.isEmpty() && metadata.isEmpty()) {
            return null;
        }
        return new TimeAndCost(
                bars.isEmpty() ? null : Charts.bars(TIME_BARS_ID, "Time per role, and the whole scan", bars),
                costs.isEmpty() ? null : Charts.bars(COST_BARS_ID, "Cost per role (USD)", costs),
                !usage.isEmpty(), roleTimes);
    }

    private static Metadata metadata(ReportMetadata m) {
        List<String> models = m.modelsUsed() == null ? List.of() : m.modelsUsed();
        return new Metadata(models.isEmpty() ? "none" : String.join(", ", models), m.offline(), m.apiCalls(),
                m.cacheHits(), NumberText.grouped(m.tokens()), NumberText.usd(m.costUsd()),
                NumberText.decimal(m.totalTimeSeconds()) + " s");
    }

    private static Section roleSection(ReportDocument.RoleSection section) {
        JsonNode analysis = section.analysis();
        return new Section(section.role(), PANEL.title(section.role()),
                analysis == null || analysis.isNull() ? null : FieldValue.of(section.field(), analysis));
    }

    private static AbsentRoles absentRoles(ReportDocument doc, List<RoleState> roles) {
        if (doc.failedRoles().isEmpty() && doc.missingRoles().isEmpty()) {
            return null;
        }
        List<FailedRole> failed = doc.failedRoles().stream()
                .map(role -> new FailedRole(role, roles.stream()
                        .filter(r -> role.equals(r.role()) && r.failureReason() != null && !r.failureReason().isBlank())
                        .map(RoleState::failureReason)
                        .findFirst()
                        .orElse(null)))
                .toList();
        return new AbsentRoles(failed, doc.missingRoles());
    }
}
