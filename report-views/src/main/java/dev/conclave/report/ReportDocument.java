package dev.conclave.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.ProjectKind;
import dev.conclave.model.ReportMetadata;
import dev.conclave.model.ScanReport;
import dev.conclave.model.StaticScores;
import dev.conclave.model.WireJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of a report document as the gateway sends it. The parts every report has are
 * decoded into the shared-model records; role sections stay JSON trees, because a role added by
 * configuration has a schema this CLI has never seen and must still be shown.
 */
public record ReportDocument(ObjectNode json) {

    private static final String ROLE_SUFFIX = ScanReport.sectionName("");
    private static final String STATIC_SCORES = "static_scores";
    private static final String AGGREGATED_INSIGHTS = "aggregated_insights";
    private static final String METADATA = "metadata";
    /** Fields rendered in their own place; anything else at the top level is shown generically. */
    private static final Set<String> HEADER_FIELDS = Set.of(
            "schema_version", "scan_id", "run", "project_name", "status", "notice",
            "missing_roles", "failed_roles");
    /** Words that read wrong when only their first letter is capitalised. */
    private static final Set<String> ACRONYMS = Set.of(
            "mvp", "api", "apis", "ci", "cd", "ui", "ux", "url", "sla", "llm", "usd", "id", "sql", "iac", "roi", "cve", "cves");

    public ReportDocument {
        json = json.deepCopy();
    }

    /** Wraps a report tree; a missing or non-object result becomes an empty report. */
    public static ReportDocument of(JsonNode report) {
        return new ReportDocument(report instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
    }

    /** One specialist's section, {@code <role>_analysis}. */
    public record RoleSection(String role, String field, JsonNode analysis) {
    }

    public Optional<String> projectName() {
        return text("project_name");
    }

    public Optional<String> scanId() {
        return text("scan_id");
    }

    public Optional<Integer> run() {
        JsonNode run = json.get("run");
        return run != null && run.canConvertToInt() && run.isNumber() ? Optional.of(run.intValue()) : Optional.empty();
    }

    public Optional<String> status() {
        return text("status");
    }

    /** Why the report should be read with care: offline simulation, missing roles. */
    public Optional<String> notice() {
        return text("notice").filter(notice -> !notice.isBlank());
    }

    /** How a report names the kind of project its scores were judged as. */
    public static String kindLabel(ProjectKind kind) {
        return kind == ProjectKind.UNKNOWN ? "unknown kind (judged as a service)" : kind.label();
    }

    public static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public Optional<StaticScores> staticScores() {
        return typed(STATIC_SCORES, StaticScores.class);
    }

    public Optional<AggregatedInsights> aggregatedInsights() {
        return typed(AGGREGATED_INSIGHTS, AggregatedInsights.class);
    }

    public Optional<ReportMetadata> metadata() {
        return typed(METADATA, ReportMetadata.class);
    }

    public List<String> missingRoles() {
        return strings(json.get("missing_roles"));
    }

    public List<String> failedRoles() {
        return strings(json.get("failed_roles"));
    }

    /** Every {@code <role>_analysis} section, in the order the report lists them. */
    public List<RoleSection> roleSections() {
        List<RoleSection> sections = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            if (name.endsWith(ROLE_SUFFIX) && name.length() > ROLE_SUFFIX.length()) {
                sections.add(new RoleSection(name.substring(0, name.length() - ROLE_SUFFIX.length()), name,
                        field.getValue()));
            }
        }
        return sections;
    }

    public Optional<RoleSection> roleSection(String role) {
        return roleSections().stream().filter(section -> section.role().equals(role)).findFirst();
    }

    /**
     * Top-level fields that have no place of their own: additions of a newer gateway, and known
     * sections that did not decode. Shown generically so nothing in the report goes unseen.
     */
    public Map<String, JsonNode> otherFields() {
        Map<String, JsonNode> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            boolean placed = HEADER_FIELDS.contains(name)
                    || (name.endsWith(ROLE_SUFFIX) && name.length() > ROLE_SUFFIX.length())
                    || (name.equals(STATIC_SCORES) && staticScores().isPresent())
                    || (name.equals(AGGREGATED_INSIGHTS) && aggregatedInsights().isPresent())
                    || (name.equals(METADATA) && metadata().isPresent());
            if (!placed && !field.getValue().isNull()) {
                others.put(name, field.getValue());
            }
        }
        return others;
    }

    /** "architecture_assessment" → "Architecture assessment", "mvp_roadmap" → "MVP roadmap". */
    public static String label(String field) {
        String[] words = field.split("[_\\-]+");
        StringBuilder label = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            String shown = ACRONYMS.contains(lower) ? lower.toUpperCase(Locale.ROOT) : lower;
            if (label.isEmpty() && !ACRONYMS.contains(lower)) {
                shown = Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
            }
            if (!label.isEmpty()) {
                label.append(' ');
            }
            label.append(shown);
        }
        return label.isEmpty() ? field : label.toString();
    }

    /** The string items of an array node; other items are shown as their JSON text. */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> values.add(item.isValueNode() ? item.asText() : item.toString()));
        }
        return values;
    }

    private Optional<String> text(String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private <T> Optional<T> typed(String field, Class<T> type) {
        JsonNode node = json.get(field);
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(WireJson.mapper().treeToValue(node, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A section this CLI cannot decode is still shown, generically, through otherFields().
            return Optional.empty();
        }
    }
}
