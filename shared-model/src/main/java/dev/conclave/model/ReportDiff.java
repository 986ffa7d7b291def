package dev.conclave.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What changed between two runs' reports of one scan: the scores, the priorities, the deployment
 * blockers, the models and what they cost. Read from the report documents themselves, so any two
 * stored reports compare, whichever code wrote them; a value absent from a report is null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportDiff(
        UUID scanId,
        int fromRun,
        int toRun,
        Change<String> status,
        List<Change<Double>> scores,
        ListChange priorities,
        ListChange blockers,
        ListChange modelsUsed,
        Change<BigDecimal> costUsd,
        Change<Double> apiCalls,
        Change<Double> cacheHits,
        Change<Double> tokens,
        List<Change<BigDecimal>> costPerRole) {

    /** The report fields compared as scores, by their path in the report. */
    static final List<String> SCORES = List.of(
            "static_scores/code_quality",
            "static_scores/deployment_readiness_percent",
            "static_scores/documentation_quality_percent",
            "aggregated_insights/vibecodibility_score",
            "aggregated_insights/fit_score",
            "business_analysis/market_viability");

    /** The difference from report {@code from} to report {@code to} (both of one scan). */
    public static ReportDiff between(UUID scanId, int fromRun, JsonNode from, int toRun, JsonNode to) {
        List<Change<Double>> scores = new ArrayList<>();
        for (String path : SCORES) {
            scores.add(new Change<>(path.replace('/', '.'), number(from, path), number(to, path)));
        }
        List<Change<BigDecimal>> perRole = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>(roleNames(from));
        roles.addAll(roleNames(to));
        for (String role : roles) {
            perRole.add(new Change<>(role, roleCost(from, role), roleCost(to, role)));
        }
        return new ReportDiff(scanId, fromRun, toRun,
                new Change<>("status", text(from, "status"), text(to, "status")),
                scores,
                ListChange.of("priorities", strings(from, "aggregated_insights/top_priorities"),
                        strings(to, "aggregated_insights/top_priorities")),
                ListChange.of("blockers", blockers(from), blockers(to)),
                ListChange.of("models_used", strings(from, "metadata/models_used"), strings(to, "metadata/models_used")),
                new Change<>("cost_usd", decimal(from, "metadata/cost_usd"), decimal(to, "metadata/cost_usd")),
                new Change<>("api_calls", number(from, "metadata/api_calls"), number(to, "metadata/api_calls")),
                new Change<>("cache_hits", number(from, "metadata/cache_hits"), number(to, "metadata/cache_hits")),
                new Change<>("tokens", number(from, "metadata/tokens"), number(to, "metadata/tokens")),
                perRole);
    }

    private static JsonNode at(JsonNode report, String path) {
        return report == null ? null : report.at("/" + path);
    }

    private static Double number(JsonNode report, String path) {
        JsonNode value = at(report, path);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    private static BigDecimal decimal(JsonNode report, String path) {
        JsonNode value = at(report, path);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    private static String text(JsonNode report, String path) {
        JsonNode value = at(report, path);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode report, String path) {
        List<String> values = new ArrayList<>();
        JsonNode array = at(report, path);
        if (array != null && array.isArray()) {
            array.forEach(item -> values.add(item.asText()));
        }
        return values;
    }

    /** Blockers as "severity: issue", so a changed severity shows as one removed and one added. */
    private static List<String> blockers(JsonNode report) {
        List<String> values = new ArrayList<>();
        JsonNode array = at(report, "deployment_analysis/deployment_blockers");
        if (array != null && array.isArray()) {
            array.forEach(b -> values.add(b.path("severity").asText("?") + ": " + b.path("issue").asText()));
        }
        return values;
    }

    private static List<String> roleNames(JsonNode report) {
        List<String> names = new ArrayList<>();
        JsonNode roles = at(report, "metadata/roles");
        if (roles != null && roles.isArray()) {
            roles.forEach(role -> names.add(role.path("role").asText()));
        }
        return names;
    }

    private static BigDecimal roleCost(JsonNode report, String role) {
        JsonNode roles = at(report, "metadata/roles");
        if (roles != null && roles.isArray()) {
            for (JsonNode usage : roles) {
                if (role.equals(usage.path("role").asText()) && usage.path("cost_usd").isNumber()) {
                    return usage.path("cost_usd").decimalValue();
                }
            }
        }
        return null;
    }

    /** One value in both runs; {@code changed} when they differ. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Change<T>(String name, T from, T to) {
        public boolean changed() {
            if (from instanceof BigDecimal a && to instanceof BigDecimal b) {
                return a.compareTo(b) != 0;
            }
            return from == null ? to != null : !from.equals(to);
        }
    }

    /** Items only in the later run, only in the earlier one, and in both. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ListChange(String name, List<String> added, List<String> removed, List<String> kept) {
        static ListChange of(String name, List<String> from, List<String> to) {
            return new ListChange(name, to.stream().filter(item -> !from.contains(item)).toList(),
                    from.stream().filter(item -> !to.contains(item)).toList(),
                    to.stream().filter(from::contains).toList());
        }

        public boolean changed() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }
}
